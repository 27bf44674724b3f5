"""The domain core: models, services and pure logic. Imports nothing from the UI."""
