"""The clinic's knowledge base: its own PDFs, read into a catalogue of procedures and
passages with embeddings (pgvector), and answers drawn only from them (test case 5)."""
