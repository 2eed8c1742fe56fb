"""Wijkwijzer: the Dutch chat assistant for passend onderwijs in the wijk."""
