"""The `ntm` command: argument parsing, exit codes and one module per subcommand."""
