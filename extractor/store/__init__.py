"""Store: the SQLite store (all SQL lives here) and the consolidated tables read from it."""
