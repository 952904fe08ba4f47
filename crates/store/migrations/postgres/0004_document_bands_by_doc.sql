-- Near-duplicate candidates are each band's oldest documents: an index on (band, doc_id)
-- hands them over in that order without reading the table or sorting.
CREATE INDEX document_bands_band_doc ON document_bands(band, doc_id);
DROP INDEX document_bands_band;
