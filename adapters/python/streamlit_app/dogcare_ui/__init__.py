"""The dogcare Streamlit UI: pages that call libdogcare in-process."""
