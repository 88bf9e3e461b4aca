"""Reading articles from files, feeds, folders and archives."""
