"""The launcher's application module lives here, alone: `streamlit run` puts its folder on the import path."""
