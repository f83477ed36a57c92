"""Meeting minutes: written by the end-of-meeting flow, served as JSON and Markdown."""
