package io.amoc.rmi;

import java.rmi.Remote;
import java.rmi.RemoteException;

/** A remote object of {@link ProbeSlaveMain} that reads whatever it is sent: where a readObject would run. */
public interface Probe extends Remote {

    String BINDING = "probe";

    void take(Object anything) throws RemoteException;
}
