"""Demo patient leaflets: small, valid one-page PDFs written by code
(``home.pdf.pdf_bytes``)."""

# (technique slug, leaflet title, lines of text)
LEAFLETS = [
    (
        "spinal-cord-stimulation",
        "Spinal cord stimulation: what to expect",
        [
            "Spinal cord stimulation: what to expect",
            "",
            "Sample leaflet from the demo content.",
            "Your specialist team will give you the real leaflet at your",
            "assessment, with what happens before, during and after the trial.",
        ],
    ),
    (
        "deep-brain-stimulation",
        "Deep brain stimulation: preparing for surgery",
        [
            "Deep brain stimulation: preparing for surgery",
            "",
            "Sample leaflet from the demo content.",
            "Your specialist team will give you the real leaflet, with what",
            "to bring, your medicines and how long you will stay in hospital.",
        ],
    ),
]
