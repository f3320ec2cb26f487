"""`python main.py` is the `alsdesk` command: the GUI unless a sub-command is given."""
from alsdesk.cli import main

if __name__ == "__main__":
    main()
