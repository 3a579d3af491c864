package io.amoc.xmpp.transport;

import io.amoc.xmpp.ServerClosedConnectionException;
import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.SmackException.NoResponseException;
import org.jivesoftware.smack.SmackException.NotConnectedException;
import org.jivesoftware.smack.SmackException.ResourceBindingNotOfferedException;
import org.jivesoftware.smack.SmackException.SecurityRequiredByServerException;
import org.jivesoftware.smack.SmackException.SmackWrappedException;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.datatypes.UInt16;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.Bind;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Mechanisms;
import org.jivesoftware.smack.packet.Nonza;
import org.jivesoftware.smack.packet.Session;
import org.jivesoftware.smack.packet.StartTls;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.TopLevelStreamElement;
import org.jivesoftware.smack.sasl.packet.SaslNonza;
import org.jivesoftware.smack.util.Supplier;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.parts.Resourcepart;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Smack connection for load generation. Connecting and logging in run on a login thread ({@link LoginThreads})
 * that reads the socket itself: every request of the login (stream features, SASL, resource binding) is written and
 * its answer read and handed to Smack on that thread, so a login round trip wakes no other thread. The login waits
 * without a time limit; {@link LoginDeadlines} closes the socket of a wait past the reply timeout (the connect
 * timeout while connecting), which ends it with a {@link NoResponseException}. Once logged in, a plain connection is
 * read by a {@link SharedReader} (a few threads for the whole JVM, no thread parked per session); under TLS one
 * virtual thread reads it. Writes go straight to the socket under a lock from the thread that sends (no writer
 * thread, no queue). Everything of {@link AbstractXMPPConnection} works: stanzas, collectors, listeners,
 * interceptors, IQ request/response and handlers, managers, SASL, STARTTLS and direct TLS. Not here: stream
 * management (XEP-198), compression, DNS SRV look-ups, proxies, automatic reconnection.
 *
 * <p>Closing: {@link #disconnect()} sends {@code </stream:stream>} and waits for the server's; {@link
 * #instantShutdown()} closes the socket at once and never blocks. A stream error, or the server closing the
 * stream or the socket, closes the connection at once and reaches {@code connectionClosedOnError}; during login
 * it ends the login with that error instead of waiting for a timeout.
 */
public final class LeanConnection extends AbstractXMPPConnection {

    private static final String CLOSE_STREAM = "</stream:stream>";
    private static final ThreadFactory TLS_READERS = Thread.ofVirtual().name("xmpp-tls-reader").factory();
    /**
     * Smack's service domain, which its resource binding sets from the bound address and which it keeps private: a
     * binding sent ahead does the same through this handle (null if it cannot be reached: no binding ahead then).
     */
    private static final VarHandle SERVICE_DOMAIN = serviceDomain();

    private final LeanConfiguration config;
    private final StreamInput input = new StreamInput();
    private final LeanStream stream = new LeanStream(this, input);
    private volatile XmppSocket socket;
    /** Set when this side closes: what the reader then sees is the end it asked for, not an error. */
    private volatile boolean closing;
    /** The thread connecting and logging in: it reads the socket itself until the login ends (null after). */
    private volatile Thread loginThread;
    /** The login thread running the current login step (null between steps). */
    private volatile Thread stepThread;
    /** What ended a read inside Smack's login steps, which can only report it as "not connected". */
    private Exception loginFailure;
    /** The deadline passed, and the socket was closed to end the wait. */
    private volatile boolean waitExpired;
    /** What ended the connection without this side asking, set where it is seen (null while up or closed here). */
    private volatile Exception lost;
    /** Told on the sending thread when a send finds the connection lost ({@link #onLossSeenBySender}). */
    private volatile Consumer<Exception> lossSeenBySender = loss -> { };
    /** This login sends its requests ahead of the server's answers ({@link LeanConfiguration#pipelinesLogin()}). */
    private boolean pipelined;
    /** The SASL {@code <auth/>} sent with the stream's opening tag, until Smack's SASL step sends it (login thread). */
    private SaslNonza.AuthMechanism authSentAhead;
    /** The resource binding sent with the new stream's opening tag after SASL, awaiting its answer (login thread). */
    private StanzaCollector bindSentAhead;
    /** Writes held to go out in one piece (login thread; null when writes go out at once). */
    private StringBuilder held;

    /** An unconnected connection; {@link #connect()} and {@link #login()} as with any Smack connection. */
    public LeanConnection(LeanConfiguration config) {
        super(config);
        this.config = config;
    }

    @Override
    public boolean isSecureConnection() {
        XmppSocket current = socket;
        return current != null && current.tlsSession() != null;
    }

    @Override
    public boolean isUsingCompression() {
        return false;
    }

    /** The TCP socket of the session while connected (null otherwise): for its options and addresses. */
    public Socket tcpSocket() {
        XmppSocket current = socket;
        return current == null ? null : current.tcp();
    }

    /**
     * Connects and logs in as {@code username} with the configuration's resource, both on one login thread
     * (Smack's {@code connect().login()} hands over to a login thread for each).
     */
    public void connectAndLogin(CharSequence username, String password)
            throws XMPPException, SmackException, IOException, InterruptedException {
        onLoginThread(() -> {
            pipelined = config.pipelinesLogin();
            authSentAhead = pipelined ? PlainMechanism.auth(config.getAuthzid(), username.toString(), password) : null;
            try {
                connect();
                login(username, password, config.getResource());
            } finally {
                pipelined = false;
                authSentAhead = null;
                cancelBindSentAhead();         // a login that failed before reading the binding's answer
            }
        });
    }

    @Override
    protected void connectInternal() throws SmackException, IOException, XMPPException, InterruptedException {
        onLoginThread(this::connectOnThisThread);
    }

    @Override
    protected void loginInternal(String username, String password, Resourcepart resource)
            throws XMPPException, SmackException, IOException, InterruptedException {
        onLoginThread(() -> loginOnThisThread(username, password, resource));
    }

    private void connectOnThisThread() throws SmackException, IOException, XMPPException, InterruptedException {
        closing = false;
        lost = null;
        loginFailure = null;
        waitExpired = false;
        loginThread = Thread.currentThread();
        InetSocketAddress server = serverAddress();
        XmppSocket opened = XmppSocket.open(config.sourceAddress(), server.getAddress());
        socket = opened;
        connectWithinTimeout(opened, server);
        host = server.getHostString();
        port = UInt16.from(server.getPort());
        input.discard();
        stream.reset();
        if (config.directTls()) {
            opened.startTls(getXMPPServiceDomain().toString(), config.connectTimeoutMillis());
        }
        connected = true;
        cancelBindSentAhead();
        if (authSentAhead != null) {
            // the answer to <auth/> may arrive with the features: Smack's SASL step must have begun to take it
            stream.stopAfterFeatures();
            writeTogether(() -> {
                sendStreamOpen();
                write(authSentAhead);
            });
        } else {
            sendStreamOpen();
        }
        pumpOrThrow(() -> tlsHandled && saslFeatureReceived, "the SASL mechanisms stream feature");
    }

    private void loginOnThisThread(String username, String password, Resourcepart resource)
            throws XMPPException, SmackException, IOException, InterruptedException {
        XmppSocket current = socket;
        if (current == null) {
            throw new NotConnectedException("the connection closed before login");
        }
        loginThread = Thread.currentThread();
        try {
            authenticate(username, password, config.getAuthzid(), current.tlsSession());
            pumpOrThrow(stream::featuresAfterSasl, "stream features after authentication");
            bindResourceAndEstablishSession(resource);
        } catch (NotConnectedException e) {
            if (loginFailure != null) {
                LeanStream.rethrow(loginFailure);
            }
            throw e;
        }
        readFromNowOn(current);
        afterSuccessfulLogin(false);
    }

    @Override
    protected void afterFeaturesReceived() throws SecurityRequiredByServerException, NotConnectedException,
            InterruptedException {
        StartTls startTls = getFeature(StartTls.class);
        boolean offered = startTls != null && !isSecureConnection();
        if (offered && startTls.required() && config.getSecurityMode() == SecurityMode.disabled) {
            SecurityRequiredByServerException refused = new SecurityRequiredByServerException();
            setCurrentConnectionExceptionAndNotify(refused);
            throw refused;
        }
        if (offered && config.getSecurityMode() != SecurityMode.disabled) {
            sendNonza(new StartTls());
        } else {
            tlsHandled = true;
            // a server that offers STARTTLS again over TLS: its mechanisms count (Smack only looks without STARTTLS)
            saslFeatureReceived = saslFeatureReceived || offeredOverTls();
            notifyWaitingThreads();
        }
        stream.featuresArrived(isSaslAuthenticated());
    }

    /** The new stream after SASL; a pipelined login sends its resource binding with it. */
    @Override
    protected void afterSaslAuthenticationSuccess() throws NotConnectedException, InterruptedException,
            SmackWrappedException {
        if (!pipelined || SERVICE_DOMAIN == null) {
            super.afterSaslAuthenticationSuccess();
            return;
        }
        writeTogether(() -> {
            super.afterSaslAuthenticationSuccess();
            Bind bind = Bind.newSet(config.getResource());
            bindSentAhead = collectOneAndSend(bind);
        });
    }

    /**
     * As {@code createStanzaCollectorAndSend}, with room for the one answer: Smack's default collector sets aside
     * 5,000 slots (20 KB), at every login.
     */
    private StanzaCollector collectOneAndSend(IQ request) throws NotConnectedException, InterruptedException {
        StanzaCollector collector = createStanzaCollector(StanzaCollector.newConfiguration()
                .setStanzaFilter(new StanzaIdFilter(request)).setRequest(request).setSize(1));
        try {
            sendStanza(request);
        } catch (InterruptedException | NotConnectedException | RuntimeException e) {
            collector.cancel();
            throw e;
        }
        return collector;
    }

    /** As Smack binds, for a binding sent ahead: its answer is read here, not requested again. */
    @Override
    protected Resourcepart bindResourceAndEstablishSession(Resourcepart resource)
            throws SmackException, InterruptedException, XMPPException {
        StanzaCollector sent = bindSentAhead;
        if (sent == null) {
            return super.bindResourceAndEstablishSession(resource);
        }
        bindSentAhead = null;
        try {
            if (!hasFeature(Bind.ELEMENT, Bind.NAMESPACE)) {
                throw new ResourceBindingNotOfferedException();
            }
            pumpInsideSmack(stream::answered, "an answer to the resource binding");
            Bind response = sent.nextResultOrThrow();
            user = response.getJid();
            SERVICE_DOMAIN.set(this, user.asDomainBareJid());
        } finally {
            sent.cancel();
        }
        Session.Feature session = getFeature(Session.Feature.class);
        if (session != null && !session.isOptional()) {
            Session request = new Session();
            collectOneAndSend(request).nextResultOrThrow();
        }
        return user.getResourcepart();
    }

    private void cancelBindSentAhead() {
        StanzaCollector sent = bindSentAhead;
        bindSentAhead = null;
        if (sent != null) {
            sent.cancel();
        }
    }

    private void connectWithinTimeout(XmppSocket opened, InetSocketAddress server) throws IOException {
        startWaiting(config.connectTimeoutMillis());
        try {
            opened.connect(server);
        } catch (IOException e) {
            opened.close();
            socket = null;
            if (waitExpired) {
                throw new SocketTimeoutException("connect timed out after " + config.connectTimeoutMillis() + " ms");
            }
            throw e;
        } finally {
            stopWaiting();
        }
    }

    /** From now on this connection waits at most {@code millis}, watched by {@link LoginDeadlines}. */
    private void startWaiting(long millis) {
        LoginDeadlines.waiting(this, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private void stopWaiting() {
        LoginDeadlines.done(this);
    }

    /** Called by {@link LoginDeadlines} when this connection's wait is past its deadline: the wait ends, closed. */
    void expire() {
        XmppSocket current = socket;
        if (current != null) {
            waitExpired = true;
            current.close();
        }
    }

    private boolean offeredOverTls() {
        return isSecureConnection() && getFeature(Mechanisms.class) != null;
    }

    /** Writes; while logging in, a SASL {@code <auth/>} or an IQ request also has its answer read, here. */
    @Override
    public void sendNonza(Nonza element) throws NotConnectedException, InterruptedException {
        if (!(element instanceof SaslNonza.AuthMechanism auth && isLoginThread())) {
            write(element);
            return;
        }
        if (!sentAhead(auth)) {
            write(auth);
        }
        pumpInsideSmack(stream::saslEnded, "the SASL exchange");
    }

    /** Whether {@code auth} went out already, with the stream's opening tag. */
    private boolean sentAhead(SaslNonza.AuthMechanism auth) {
        SaslNonza.AuthMechanism ahead = authSentAhead;
        authSentAhead = null;
        return ahead != null && ahead.getMechanism().equals(auth.getMechanism())
                && ahead.getAuthenticationText().equals(auth.getAuthenticationText());
    }

    @Override
    protected void sendStanzaInternal(Stanza stanza) throws NotConnectedException, InterruptedException {
        write(stanza);
        firePacketSendingListeners(stanza);
        if (stanza instanceof IQ iq && iq.isRequestIQ() && isLoginThread()) {
            stream.awaitAnswerTo(iq.getStanzaId());
            if (held == null) {                // else read after the writes held with it go out
                pumpInsideSmack(stream::answered, "an answer to IQ " + iq.getStanzaId());
            }
        }
    }

    @Override
    protected void processStanza(Stanza stanza) throws InterruptedException {
        stream.arrived(stanza);
        super.processStanza(stanza);
    }

    /** Without stanza listeners, collectors get the stanza here and Smack's executor is not woken for nothing. */
    @Override
    protected void invokeStanzaCollectorsAndNotifyRecvListeners(Stanza stanza) {
        if (!CollectorsOnly.delivered(this, stanza)) {
            super.invokeStanzaCollectorsAndNotifyRecvListeners(stanza);
        }
    }

    /** Polite close: {@code </stream:stream>}, then the server's, within the reply timeout. */
    @Override
    protected void shutdown() {
        XmppSocket current = socket;
        if (current == null) {
            return;
        }
        closing = true;
        try {
            current.write(CLOSE_STREAM);
            if (loginThread == null) {
                waitForClosingStreamTagFromServer();
            } else if (isLoginThread()) {
                pump(() -> closingStreamReceived, "the server's closing stream tag");
            }
        } catch (Exception e) {
            // the socket is gone already, or the server did not answer: nothing more to wait for
        }
        closed(current);
    }

    /** Closes the socket at once: no presence, no {@code </stream:stream>}; never blocks. */
    @Override
    public void instantShutdown() {
        closing = true;
        XmppSocket current = socket;
        if (current != null) {
            closed(current);
        }
    }

    /** The transport's own stream element handling needs these of Smack's protected methods. */
    void streamOpened(XmlPullParser parser) throws Exception {
        onStreamOpen(parser);
    }

    void featuresReceived(XmlPullParser parser) throws Exception {
        parseFeaturesAndNotify(parser);
    }

    void stanzaReceived(XmlPullParser parser) throws Exception {
        parseAndProcessStanza(parser);
    }

    void nonzaReceived(XmlPullParser parser) throws Exception {
        parseAndProcessNonza(parser);
    }

    /** The server's {@code </stream:stream>}: true when this side asked for it. */
    boolean streamClosedByServer() {
        closingStreamReceived = true;
        notifyWaitingThreads();
        return closing;
    }

    /** {@code <proceed/>}: TLS starts, and a new stream over it. */
    void proceedWithTls() throws Exception {
        socket.startTls(getXMPPServiceDomain().toString(), config.connectTimeoutMillis());
        input.discard();
        stream.restart(false);
        sendStreamOpen();
    }

    /** A step of connecting or logging in. */
    private interface LoginStep {
        void run() throws XMPPException, SmackException, IOException, InterruptedException;
    }

    /**
     * Runs a step of the login on a login thread ({@link LoginThreads}) and waits for it. The step reads the socket
     * deep in Smack's login, and a virtual thread keeps the stack room of its deepest wait for the rest of its life:
     * the user's thread lives as long as the session, so it only waits here, at a shallow depth, and parks small for
     * the rest of the session.
     */
    private void onLoginThread(LoginStep step) throws XMPPException, SmackException, IOException, InterruptedException {
        if (Thread.currentThread() == stepThread) {
            step.run();                        // a step of connectAndLogin, already on its thread
            return;
        }
        FutureTask<Void> task = new FutureTask<>(() -> {
            stepThread = Thread.currentThread();
            try {
                step.run();
            } finally {
                stepThread = null;
            }
            return null;
        });
        LoginThreads.start(task);
        try {
            task.get();
        } catch (InterruptedException e) {
            task.cancel(true);                 // removed while logging in: the step ends with the closed socket
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception failure) {
                LeanStream.rethrow(failure);
            }
            throw (Error) e.getCause();
        }
    }

    private boolean isLoginThread() {
        return Thread.currentThread() == loginThread;
    }

    /** Logged in: the rest of the stream is read by a shared reader (plain) or a virtual thread (TLS). */
    private void readFromNowOn(XmppSocket current)
            throws XMPPException, SmackException, IOException, InterruptedException {
        try {
            stream.parseWholeElements();
        } catch (Exception e) {
            failed(e);
            LeanStream.rethrow(e);
        }
        input.release();
        loginThread = null;
        if (current.tlsSession() != null) {
            TLS_READERS.newThread(() -> readBlocking(current)).start();
        } else {
            current.readShared(new SharedReader.Receiver() {
                @Override
                public void received(byte[] buffer, int length) {
                    input.receive(buffer, length);
                    try {
                        stream.parseWholeElements();
                    } catch (Exception e) {
                        failed(current, e);
                    } finally {
                        input.release();
                    }
                }

                @Override
                public void ended(IOException cause) {
                    failed(current, cause == null
                            ? new ServerClosedConnectionException("the server closed the connection") : cause);
                }
            });
        }
    }

    /** The reader of a TLS connection after login, on its own virtual thread. */
    private void readBlocking(XmppSocket current) {
        try {
            while (!closingStreamReceived) {
                stream.parseWholeElements();
                if (!closingStreamReceived && !current.fill(input)) {
                    throw new ServerClosedConnectionException("the server closed the connection");
                }
            }
        } catch (Exception e) {
            failed(current, e);
        }
    }

    /**
     * The end of {@code from}, seen by its reader: an error unless this side closed it, or it is a socket of an
     * earlier session (its reader may notice the end after a new connect began on this object).
     */
    private void failed(XmppSocket from, Exception e) {
        if (socket == from) {
            failed(e);
        }
    }

    private void failed(Exception e) {
        if (!closing) {
            Exception loss = e instanceof EOFException
                    ? new ServerClosedConnectionException("the server closed the connection", e) : e;
            lost = loss;
            notifyConnectionError(loss);
        }
    }

    /**
     * {@code listener} is told of a loss on the thread that sends, before the send throws, when a send finds the
     * connection lost (its write failed, or an error seen by the reader has ended the connection). Smack tells its
     * connection listeners of the same loss later, on a thread of its own, so that a user whose send failed might
     * otherwise end before the loss is known; the listener may be told of one loss more than once.
     */
    public void onLossSeenBySender(Consumer<Exception> listener) {
        lossSeenBySender = listener;
    }

    /** Smack's check before a send: a connection lost is reported as such ({@link #onLossSeenBySender}). */
    @Override
    protected void throwNotConnectedExceptionIfAppropriate(String optionalHint) throws NotConnectedException {
        if (!isConnected()) {
            throwIfLost();
            throw new NotConnectedException(optionalHint);
        }
    }

    /** Reports a loss to the sender's listener and ends the send with it; nothing when there was none. */
    private void throwIfLost() throws NotConnectedException {
        Exception loss = lost;
        if (loss != null) {
            lossSeenBySender.accept(loss);
            throw new NotConnectedException("the connection was lost: "
                    + (loss.getMessage() != null ? loss.getMessage() : loss.getClass().getSimpleName()));
        }
    }

    /**
     * Reads and handles what arrives, on this thread, until {@code done} holds; past the reply timeout the socket is
     * closed and the wait ends with a {@link NoResponseException}.
     */
    private void pump(Supplier<Boolean> done, String what) throws Exception {
        startWaiting(getReplyTimeout());
        try {
            while (!done.get()) {
                if (hasCurrentConnectionException()) {
                    throwCurrentConnectionException();
                }
                if (stream.hasWholeElements()) {
                    stream.parseWholeElements();
                    continue;
                }
                readOnce();
            }
        } catch (NoResponseException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (waitExpired) {
                throw NoResponseException.newWith(this, what);
            }
            failed(e);
            throw e;
        } finally {
            stopWaiting();
        }
    }

    private void readOnce() throws IOException, InterruptedException, ServerClosedConnectionException {
        XmppSocket current = socket;
        if (current == null) {
            throw new InterruptedException("the connection was closed while logging in");
        }
        boolean more;
        try {
            more = current.fill(input);
        } catch (IOException e) {
            if (!waitExpired && (closing || Thread.currentThread().isInterrupted())) {
                // closed from outside while logging in: its user was removed, and is being interrupted
                throw new InterruptedException("the connection was closed while logging in");
            }
            throw e;
        }
        if (!more) {
            throw new ServerClosedConnectionException("the server closed the connection");
        }
    }

    private void pumpOrThrow(Supplier<Boolean> done, String what)
            throws SmackException, XMPPException, IOException, InterruptedException {
        try {
            pump(done, what);
        } catch (Exception e) {
            LeanStream.rethrow(e);
        }
    }

    /** Inside Smack's login steps, which let a write fail only as "not connected": the real failure is kept. */
    private void pumpInsideSmack(Supplier<Boolean> done, String what) throws NotConnectedException, InterruptedException {
        try {
            pump(done, what);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            loginFailure = e;
            throw new NotConnectedException(e.getMessage());
        }
    }

    private void closed(XmppSocket current) {
        current.close();
        setWasAuthenticated();
        authenticated = false;
        connected = false;
        socket = null;
    }

    /** Writes what {@code writes} sends as one piece (one system call, one segment). */
    private void writeTogether(Writes writes) throws NotConnectedException, InterruptedException,
            SmackWrappedException {
        held = new StringBuilder();
        String together;
        try {
            writes.run();
            together = held.toString();
        } finally {
            held = null;
        }
        writeNow(together);
    }

    /** Writes that go out together ({@link #writeTogether}). */
    private interface Writes {
        void run() throws NotConnectedException, InterruptedException, SmackWrappedException;
    }

    private void write(TopLevelStreamElement element) throws NotConnectedException {
        CharSequence xml = element.toXML(outgoingStreamXmlEnvironment);
        if (held != null) {
            held.append(xml.toString());       // Smack's builders answer charAt() slowly: whole, at once
        } else {
            writeNow(xml);
        }
    }

    private void writeNow(CharSequence xml) throws NotConnectedException {
        XmppSocket current = socket;
        if (current == null) {
            throwIfLost();
            throw new NotConnectedException("the connection is closed");
        }
        try {
            current.write(xml);
        } catch (IOException e) {
            if (!closing) {
                if (lost == null) {
                    lost = e;
                }
                notifyConnectionError(e);
            }
            throwIfLost();
            throw new NotConnectedException("writing failed: " + e.getMessage());
        }
    }

    private static VarHandle serviceDomain() {
        try {
            return MethodHandles.privateLookupIn(AbstractXMPPConnection.class, MethodHandles.lookup())
                    .findVarHandle(AbstractXMPPConnection.class, "xmppServiceDomain", DomainBareJid.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private InetSocketAddress serverAddress() throws IOException {
        InetAddress address = config.getHostAddress();
        if (address == null) {
            String name = config.getHost() != null ? config.getHost().toString() : config.getXMPPServiceDomain().toString();
            address = InetAddress.getByName(name);
        }
        return new InetSocketAddress(address, config.getPort().intValue());
    }
}
