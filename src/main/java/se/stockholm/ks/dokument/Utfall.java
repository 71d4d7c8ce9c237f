package se.stockholm.ks.dokument;

/** The outcome of borgarrådsberedningens treatment of an ärende. */
public enum Utfall {
  /** Borgarrådsberedningen tillstyrker föredragande borgarrådets förslag: the only outcome printed. */
  TILLSTYRKER,
  /** Återremitteras: sent back for more preparation; the document reads as if not yet treated. */
  ATERREMISS,
  /** Bordläggs: postponed; the document reads as if not yet treated. */
  BORDLAGGNING
}
