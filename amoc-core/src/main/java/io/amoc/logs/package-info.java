/**
 * The logging of every amoc JVM: set up by {@link io.amoc.logs.LogSetup} (Logback), levels per logger at run time
 * from the configuration ({@link io.amoc.logs.LogLevels}), the last lines kept for the master
 * ({@link io.amoc.logs.RecentLines}).
 */
package io.amoc.logs;
