/**
 * Smack helpers for amoc scenarios.
 *
 * <ul>
 *   <li>{@link io.amoc.xmpp.Xmpp}: log in as user N ({@code user_N} / {@code password_N} by default), send presence,
 *       wait for a stanza, disconnect; records {@code amoc.times.connection} and the connection counters.</li>
 *   <li>{@link io.amoc.xmpp.XmppSettings}: the {@code xmpp_*} configuration keys as a value, with per-call overrides.</li>
 *   <li>{@link io.amoc.xmpp.TimedMessages}: chat messages stamped with their send time, recording time to deliver
 *       ({@code amoc.times.message_ttd}) and sent, received and out-of-order counts.</li>
 *   <li>{@link io.amoc.xmpp.TimedGroupChat}: a group-chat room whose messages each member times
 *       ({@code amoc.times.room_message_ttd}).</li>
 *   <li>{@link io.amoc.xmpp.TimedPubSub}: publish-subscribe nodes whose items each subscriber times
 *       ({@code amoc.times.pubsub_notification_ttd}).</li>
 *   <li>{@link io.amoc.xmpp.Archive}: the message archive, its pages timed ({@code amoc.times.archive_query}).</li>
 *   <li>{@link io.amoc.xmpp.Contacts}: roster contacts, the presence subscription round trip timed
 *       ({@code amoc.times.roster_subscription}).</li>
 * </ul>
 *
 * Everything returned is a plain Smack object: a scenario can use any Smack API on a connection, smack-extensions'
 * and smack-experimental's managers included (created when first asked for).
 */
package io.amoc.xmpp;
