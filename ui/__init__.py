"""The Qt front end of ALS Desk (PySide6). Decides nothing the core does not."""
