"""SQL lives here: models, the SQLCipher engine, migrations, backups and the audit chain."""
