"""Reading a report file: decode, clean, rejoin, structure, metadata -> Document."""
