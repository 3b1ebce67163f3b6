/*
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.autopilot.sql.internal;

import dev.autopilot.sql.layout.HiddenColumns;
import org.apache.ignite.failure.FailureType;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.internal.processors.odbc.ClientListenerNioListener;
import org.apache.ignite.internal.processors.odbc.ClientListenerProcessor;
import org.apache.ignite.internal.processors.odbc.ClientMessage;
import org.apache.ignite.internal.processors.odbc.jdbc.JdbcConnectionContext;
import org.apache.ignite.internal.processors.odbc.jdbc.JdbcMetadataInfo;
import org.apache.ignite.internal.processors.odbc.jdbc.JdbcRequestHandler;
import org.apache.ignite.internal.util.nio.GridNioFilterChain;
import org.apache.ignite.internal.util.nio.GridNioServer;
import org.apache.ignite.internal.util.nio.GridNioServerListener;
import org.apache.ignite.internal.util.nio.GridNioSession;
import org.jetbrains.annotations.Nullable;

/**
 * Gives every JDBC thin connection of a node a {@link HidingJdbcMetadata} before it handles the connection's first
 * request, by standing between the client connector and Ignite's listener of its messages.
 *
 * <p>Why here: {@code JdbcRequestHandler.getColumnsMeta} asks its own {@code JdbcMetadataInfo}, a private final field
 * that {@code JdbcConnectionContext.initializeFromHandshake} creates per connection with no factory to replace.
 * Nothing tells a plugin about a new connection either (no event, and authentication is asked only with security on);
 * the one place every request passes is the listener {@code ClientListenerProcessor} gives its NIO server
 * ({@code GridNioFilterChain}'s tail calls {@code ClientListenerNioListener.onMessage}, which finds the connection in
 * the session's {@code CONN_CTX_META_KEY}). ODBC's {@code OdbcRequestHandler.getColumnsMeta} reads the type
 * descriptors in a private method, with no object to replace: ODBC still lists hidden columns.
 */
final class JdbcMetadataTap implements GridNioServerListener<ClientMessage> {
    private final GridNioServerListener<ClientMessage> ignite;
    private final PrivateField handlerMetadata;
    private final JdbcMetadataInfo metadata;

    private JdbcMetadataTap(GridNioServerListener<ClientMessage> ignite, JdbcMetadataInfo metadata) {
        this.ignite = ignite;
        this.handlerMetadata = PrivateField.of(JdbcRequestHandler.class, "meta");
        this.metadata = metadata;
    }

    /**
     * @param ctx the local node; nothing happens when it runs no client connector
     * @param hidden the columns {@code getColumns} must leave out, asked on every call
     */
    @SuppressWarnings("unchecked")
    static void install(GridKernalContext ctx, HiddenColumns hidden) {
        Object server = ctx.clientListener() == null ? null
            : PrivateField.of(ClientListenerProcessor.class, "srv").get(ctx.clientListener());
        if (server == null)
            return;
        Object chain = PrivateField.of(GridNioServer.class, "filterChain").get(server);
        PrivateField listener = PrivateField.of(GridNioFilterChain.class, "lsnr");
        GridNioServerListener<ClientMessage> ignite = (GridNioServerListener<ClientMessage>)listener.get(chain);
        listener.set(chain, new JdbcMetadataTap(ignite, new HidingJdbcMetadata(ctx, hidden)));
    }

    @Override public void onMessage(GridNioSession ses, ClientMessage msg) {
        if (ses.meta(ClientListenerNioListener.CONN_CTX_META_KEY) instanceof JdbcConnectionContext conn) {
            Object handler = conn.handler();
            if (handlerMetadata.get(handler) != metadata)
                handlerMetadata.set(handler, metadata);
        }
        ignite.onMessage(ses, msg);
    }

    @Override public void onConnected(GridNioSession ses) {
        ignite.onConnected(ses);
    }

    @Override public void onDisconnected(GridNioSession ses, @Nullable Exception e) {
        ignite.onDisconnected(ses, e);
    }

    @Override public void onMessageSent(GridNioSession ses, ClientMessage msg) {
        ignite.onMessageSent(ses, msg);
    }

    @Override public void onSessionWriteTimeout(GridNioSession ses) {
        ignite.onSessionWriteTimeout(ses);
    }

    @Override public void onSessionIdleTimeout(GridNioSession ses) {
        ignite.onSessionIdleTimeout(ses);
    }

    @Override public void onFailure(FailureType failureType, Throwable failure) {
        ignite.onFailure(failureType, failure);
    }
}
