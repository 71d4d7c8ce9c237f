package se.stockholm.ks.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's settings, from system properties ({@code -Dbench.…}); the defaults are the
 * report's sizes (docs/benchmarks.md lists them all).
 *
 * @param livscykel cases driven from start to closed in each repetition ({@code bench.n})
 * @param kohort cases per cohort, which share their meetings and protokoll ({@code bench.kohort})
 * @param klienter concurrent clients of the lifecycle and of the bulk starts ({@code bench.klienter})
 * @param nivaer concurrency levels of the REST start measurement ({@code bench.nivaer})
 * @param startAntal REST starts per concurrency level ({@code bench.startAntal})
 * @param fa open cases of the small Tasklist measurement ({@code bench.fa})
 * @param oppna open cases of the large Tasklist measurement and of "after N cases" ({@code bench.oppna})
 * @param stangda closed cases of the large lookup measurement ({@code bench.stangda})
 * @param tasklistAnrop timed Tasklist refreshes per measurement ({@code bench.tasklistAnrop})
 * @param uppslagAnrop timed lookups per measurement ({@code bench.uppslagAnrop})
 * @param pgHost PostgreSQL host ({@code bench.pg.host})
 * @param pgPort PostgreSQL port ({@code bench.pg.port})
 * @param pgAnvandare PostgreSQL user that may create databases ({@code bench.pg.user})
 * @param mal which apps, in order: {@code referens}, {@code app} ({@code bench.mal})
 * @param rot the project's root ({@code bench.rot})
 * @param rapport the report written ({@code bench.rapport})
 * @param svg the plot written ({@code bench.svg})
 * @param javaToolOptions the JVM settings both apps run with: the Dockerfile's JAVA_TOOL_OPTIONS
 * @param mallocArenaMax the Dockerfile's MALLOC_ARENA_MAX (glibc), or null when it sets none
 * @param kommando the command line of this run, for the report ({@code bench.kommando})
 * @param upprepningar repetitions of each measured phase, alternating between the apps ({@code bench.upprepningar})
 * @param port the first of the apps' HTTP ports (app k gets {@code port + 2k}, its statement counter
 *     the next), or 0 for free ports ({@code bench.port})
 */
public record Konfiguration(int livscykel, int kohort, int klienter, List<Integer> nivaer, int startAntal, int fa,
                            int oppna, int stangda, int tasklistAnrop, int uppslagAnrop, String pgHost, int pgPort,
                            String pgAnvandare, List<String> mal, Path rot, Path rapport, Path svg,
                            String javaToolOptions, String mallocArenaMax, String kommando,
                            int upprepningar, int port) {

  /**
   * @return the settings from the system properties
   * @throws IOException when the Dockerfile cannot be read
   */
  public static Konfiguration fran() throws IOException {
    Path rot = Path.of(System.getProperty("bench.rot", ".")).toAbsolutePath().normalize();
    return new Konfiguration(
        heltal("bench.n", 300), heltal("bench.kohort", 50), heltal("bench.klienter", 8),
        Arrays.stream(System.getProperty("bench.nivaer", "1,8,32").split(",")).map(String::trim).map(Integer::valueOf)
            .toList(),
        heltal("bench.startAntal", 1000), heltal("bench.fa", 100), heltal("bench.oppna", 10_000),
        heltal("bench.stangda", 100_000), heltal("bench.tasklistAnrop", 100), heltal("bench.uppslagAnrop", 300),
        System.getProperty("bench.pg.host", "127.0.0.1"), heltal("bench.pg.port", 5432),
        System.getProperty("bench.pg.user", "postgres"),
        Arrays.stream(System.getProperty("bench.mal", "referens,app").split(",")).map(String::trim).toList(),
        rot, rot.resolve(System.getProperty("bench.rapport", "docs/benchmarks.md")),
        rot.resolve(System.getProperty("bench.svg", "docs/benchmark-latens.svg")),
        javaToolOptions(rot.resolve("Dockerfile")), mallocArenaMax(rot.resolve("Dockerfile")),
        System.getProperty("bench.kommando", "benchmark/run"), Math.max(1, heltal("bench.upprepningar", 3)),
        heltal("bench.port", 0));
  }

  /**
   * Reads the JVM settings the project ships: JAVA_TOOL_OPTIONS in the Dockerfile's ENV.
   *
   * @param dockerfile the Dockerfile
   * @return the settings
   * @throws IOException when the Dockerfile has none
   */
  static String javaToolOptions(Path dockerfile) throws IOException {
    Matcher m = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(Files.readString(dockerfile));
    if (!m.find()) {
      throw new IOException("Ingen JAVA_TOOL_OPTIONS i " + dockerfile);
    }
    return m.group(1).trim();
  }

  /**
   * @param dockerfile the Dockerfile
   * @return its MALLOC_ARENA_MAX, or null
   * @throws IOException when it cannot be read
   */
  static String mallocArenaMax(Path dockerfile) throws IOException {
    Matcher m = Pattern.compile("MALLOC_ARENA_MAX=\"?(\\d+)").matcher(Files.readString(dockerfile));
    return m.find() ? m.group(1) : null;
  }

  private static int heltal(String namn, int standard) {
    return Integer.parseInt(System.getProperty(namn, Integer.toString(standard)).replace("_", ""));
  }
}
