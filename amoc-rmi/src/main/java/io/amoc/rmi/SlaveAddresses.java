package io.amoc.rmi;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Checks the address a slave binds to: a concrete address of this machine, loopback only when asked for. */
final class SlaveAddresses {

    private SlaveAddresses() {
    }

    static InetAddress checkBindable(String bindAddress, boolean allowLoopback) throws SlaveStartException {
        InetAddress address;
        try {
            address = InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new SlaveStartException("unknown bind address '" + bindAddress + "': give an IP address of this machine", e);
        }
        if (address.isAnyLocalAddress()) {
            throw new SlaveStartException("cannot advertise " + bindAddress + " to a master: give --bind one address of this"
                    + " machine that the master can reach", null);
        }
        if (address.isLoopbackAddress() && !allowLoopback) {
            throw new SlaveStartException(bindAddress + " is a loopback address, which no other machine can reach:"
                    + " give --bind an address the master can reach, or --allow-loopback for a one-machine test", null);
        }
        return address;
    }
}
