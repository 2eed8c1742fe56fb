"""The curated knowledge base. Imports nothing from the rest of Wijkwijzer."""
