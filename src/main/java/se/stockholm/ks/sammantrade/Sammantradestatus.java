package se.stockholm.ks.sammantrade;

/** Where a meeting is, in the order it gets there. */
public enum Sammantradestatus {
  /** In the plan; ärenden are being anmälda to it. */
  PLANERAT("planerat"),
  /** The secretary has fixed the föredragningslista. */
  FOREDRAGNINGSLISTA_FASTSTALLD("föredragningslista fastställd"),
  /** The meeting day has come: paragraphs are assigned, outcomes are being recorded. */
  HALLET("hållet"),
  /** The protokoll is justerat (kommunallagen 5 kap 69 §). */
  PROTOKOLL_JUSTERAT("protokoll justerat"),
  /** The justering is anslagen on the anslagstavla (kommunallagen 8 kap 12 §). */
  ANSLAGET("anslaget");

  private final String text;

  Sammantradestatus(String text) {
    this.text = text;
  }

  /** @return the state in Swedish, as officials read it */
  public String text() {
    return text;
  }
}
