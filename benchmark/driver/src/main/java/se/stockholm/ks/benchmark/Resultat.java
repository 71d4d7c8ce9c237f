package se.stockholm.ks.benchmark;

import java.util.Map;
import java.util.TreeMap;

/** What one app measured in a run; filled in as the run goes (fields stay 0 or null when a part failed). */
public final class Resultat {

  /** The app's name in the report. */
  public String namn;
  /** Short name. */
  public String kortnamn;
  /** The error that ended the app's run early, or null. */
  public String fel;

  /** Seconds from the JVM's start to health UP. */
  public double startSek;
  /** Resident memory after the start, kB. */
  public long rssStartKb;
  /** Heap after a full GC after the start, kB. */
  public long heapStartKb;

  /** REST start measurement per concurrency level. */
  public Map<Integer, Latenser.Sammanfattning> starter = new TreeMap<>();

  /** Cases driven from start to closed. */
  public int livscykelArenden;
  /** Cohorts they ran in. */
  public int livscykelKohorter;
  /** Wall time of the lifecycle, s. */
  public double livscykelSek;
  /** Cases per second. */
  public double livscykelPerSek;
  /** JDBC statements per case (the statement counter). */
  public double satserPerArende;
  /** JDBC round trips per case. */
  public double anropPerArende;
  /** Statements per case by kind. */
  public Map<String, Double> satsTyperPerArende = new TreeMap<>();
  /** HTTP requests of the driver per case in the lifecycle (the roles' work and the driver's polls). */
  public double httpPerArende;
  /** PostgreSQL transactions (commit + rollback) per case. */
  public double transaktionerPerArende;

  /** Closed cases at the small lookup measurement. */
  public long stangdaFa;
  /** Lookups with few closed cases. */
  public Latenser.Sammanfattning uppslagFa;
  /** Closed cases at the large lookup measurement. */
  public long stangdaManga;
  /** Seconds the bulk copy took. */
  public double kopieringSek;
  /** Lookups with many closed cases. */
  public Latenser.Sammanfattning uppslagManga;

  /** Open cases at the small Tasklist measurement. */
  public long oppnaFa;
  /** Tasklist refreshes with few open cases. */
  public Latenser.Sammanfattning tasklistFa;
  /** Open cases at the large Tasklist measurement. */
  public long oppnaManga;
  /** Tasklist refreshes with many open cases. */
  public Latenser.Sammanfattning tasklistManga;

  /** Cases (closed and open) when memory was measured after them. */
  public long arendenVidMinne;
  /** Resident memory after the cases, kB. */
  public long rssEfterKb;
  /** Heap after a full GC after the cases, kB. */
  public long heapEfterKb;
  /** Largest resident memory through the run, kB. */
  public long rssMaxKb;
  /** Failed job executions by the driver (not optimistic locking). */
  public int jobbfel;
}
