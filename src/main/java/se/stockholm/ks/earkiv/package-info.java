/**
 * The e-arkiv: a closed (avslutat) or withdrawn (återkallat) ärende as an E-ARK SIP (CSIP
 * structure, METS.xml by commons-ip2, {@code metadata/descriptive/ERMS.xml} in CITS ERMS 2.1,
 * PREMIS with SHA-256 fixity in {@code metadata/preservation/}, each handling's content in
 * {@code representations/rep1/data/}), validated against the ERMS XSD and by commons-ip2's E-ARK
 * validator before anyone receives it. Owns the package's content and validation, its delivery to
 * the e-arkiv's folder (the process's step "Leverera till e-arkivet", {@code ${levereraTillEarkiv}},
 * and the archivist's batch), and gallring by the informationshanteringsplan (the report and the
 * archivist's decision, tables {@code gallringsbeslut}/{@code gallrad_handling}); reads the ärende,
 * its handlingar, events and decision from the diarium.
 */
package se.stockholm.ks.earkiv;
