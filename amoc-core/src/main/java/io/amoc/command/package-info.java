/**
 * The command layer: the operations every front end of a master shares (the console and attached shells,
 * {@code bin/amoc eval}, the HTTP API), with typed requests ({@link io.amoc.command.StartRequest},
 * {@link io.amoc.command.AddRequest}, {@link io.amoc.command.RemoveRequest}) and typed results, per node
 * ({@link io.amoc.cluster.ClusterResult}). Start at {@link io.amoc.command.Master}.
 *
 * <p>Expected failures are named exceptions whose message is one line fit to show: {@link
 * io.amoc.command.BadRequestException} (with the field at fault), {@link io.amoc.command.NoSlavesException},
 * {@link io.amoc.command.ConfigNotPushedException}, and from the compiler
 * {@link io.amoc.compile.UnknownScenarioException} and {@link io.amoc.compile.ScenarioCompileException} (whose
 * diagnostics are data). A node that fails is never an exception: it is a {@link io.amoc.cluster.NodeResult.Failed}
 * in the result, beside the nodes that answered.
 */
package io.amoc.command;
