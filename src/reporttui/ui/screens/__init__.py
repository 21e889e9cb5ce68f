"""The app's screens: library, reader, search (modes) and the modal help and dropped-text views."""
