package io.amoc.shell.attach;

import io.amoc.shell.language.Reply;

/** One message of the attach protocol: a kind and a text (any number of lines, UTF-8). */
public record Frame(FrameKind kind, String text) {

    public static Frame reply(Reply reply) {
        return new Frame(reply.ok() ? FrameKind.OK : FrameKind.ERROR, reply.text());
    }

    /** This frame read as a reply: {@link FrameKind#OK} is a success, anything else a failure. */
    public Reply toReply() {
        return new Reply(kind == FrameKind.OK, text);
    }
}
