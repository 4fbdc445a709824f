"""The CLI's commands, one module each; each is a thin layer over the library."""
