package se.stockholm.ks.lokaldatabas;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the local profile's embedded PostgreSQL runs ({@code ks.lokal-databas.*}).
 *
 * @param katalog the data directory's parent, default {@code ./data} (relative to the working
 *                directory): the database cluster is in {@code <katalog>/postgres}, its log in
 *                {@code <katalog>/postgres.log}
 * @param port the TCP port on 127.0.0.1; 0 (default): a free port chosen at each start and written
 *             in the log, so that two local applications in different directories never collide
 */
@ConfigurationProperties("ks.lokal-databas")
public record LokalDatabasInstallningar(@DefaultValue("./data") Path katalog, @DefaultValue("0") int port) {
}
