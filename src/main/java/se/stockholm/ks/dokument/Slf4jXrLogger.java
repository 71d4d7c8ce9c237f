package se.stockholm.ks.dokument;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log, through SLF4J under its own logger names ({@code com.openhtmltopdf.load} …).
 * Its INFO messages (timings, fonts loaded) are chatty, so they go to DEBUG; WARNING and above (a
 * missing glyph, a resource that could not be loaded) stay WARN.
 */
final class Slf4jXrLogger implements XRLogger {

  @Override
  public void log(String where, Level level, String msg) {
    log(where, level, msg, null);
  }

  @Override
  public void log(String where, Level level, String msg, Throwable th) {
    Logger logger = LoggerFactory.getLogger(where);
    int niva = level.intValue();
    if (niva >= Level.SEVERE.intValue()) {
      logger.error(msg, th);
    } else if (niva >= Level.WARNING.intValue()) {
      logger.warn(msg, th);
    } else if (niva >= Level.INFO.intValue()) {
      logger.debug(msg, th);
    } else {
      logger.trace(msg, th);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // Levels are set in the logging configuration.
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
    int niva = diagnostic.getLevel().intValue();
    if (niva >= Level.WARNING.intValue()) {
      return logger.isWarnEnabled();
    }
    return niva >= Level.INFO.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
  }
}
