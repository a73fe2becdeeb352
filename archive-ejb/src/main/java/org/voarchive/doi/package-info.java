/**
 * DOIs: landing pages and DataCite 4.5 records built from the published metadata and the datalinks (one
 * source for both, which also says how to cite: DataCite's text form and BibTeX), registration with DataCite where configured (and what DataCite has of a DOI), the records' validation against
 * the DataCite 4.5 schema packaged with the application (DataCiteValidation), the back office's view of them
 * (DoiOverview), and the DOI records as an OAI-PMH record source.
 */
package org.voarchive.doi;
