/**
 * Smack helpers for amoc scenarios.
 *
 * <ul>
 *   <li>{@link io.amoc.xmpp.Xmpp}: log in as user N ({@code user_N} / {@code password_N} by default), send presence,
 *       wait for a stanza, disconnect; records {@code amoc.times.connection} and the connection counters.</li>
 *   <li>{@link io.amoc.xmpp.XmppSettings}: the {@code xmpp_*} configuration keys as a value, with per-call overrides.</li>
 *   <li>{@link io.amoc.xmpp.TimedMessages}: chat messages stamped with their send time, recording time to deliver
 *       ({@code amoc.times.message_ttd}) and sent, received and out-of-order counts.</li>
 * </ul>
 *
 * Everything returned is a plain Smack object: a scenario can use any Smack API on a connection.
 */
package io.amoc.xmpp;
