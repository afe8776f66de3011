"""The occupation catalogue's data pack, built from O*NET and BLS releases."""
