"""Text clean-up before segmentation: Unicode and layout normalisation, page furniture (site chrome,
running headers, stamps) and language detection."""
