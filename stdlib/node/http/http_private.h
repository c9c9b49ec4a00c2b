/* http_private.h - what the two halves of the http server share (private to
 * stdlib/node/http/): http.c makes the JavaScript objects (server, request, response),
 * http_conn.c runs one connection (parsing, dispatch, keep-alive, timeouts, the peer's
 * FIN). Book: chapter 12, "Networking".
 */
#ifndef TN_STDLIB_HTTP_PRIVATE_H
#define TN_STDLIB_HTTP_PRIVATE_H

#include "stdlib/node/internal.h"
#include "stdlib/node/http/http_parser.h"

typedef struct Conn Conn;

/* The native part of a connection's socket object (http_socket.c). The Conn and the
 * object point at each other; whichever is freed first clears the other's pointer. */
typedef struct HttpSocket {
  Conn *conn;        /* NULL once the connection has closed */
  double bytes_read, bytes_written; /* the connection's counts, once it has closed */
  bool want_drain;   /* _writeRaw left bytes queued: call _ondrain once they are sent */
  bool tapped;       /* a 'data' listener: what is read is pushed to the socket too */
  bool live;         /* its stream state has been made (lib/internal/http/server.js) */
  bool ended;        /* the connection was ended gracefully (FIN) before it closed */
  double hwm;        /* the server's highWaterMark when the connection came */
} HttpSocket;

typedef struct ServerState {
  Host *host;
  NetServer *net;     /* NULL before listen() and after close() */
  int32_t pin;       /* the server object, while it listens */
  int port;
  Conn *conns;       /* open connections, for close() and the timeout check */
  int upgraded;      /* connections 'upgrade' or 'connect' took over, still open */
  TimerId check_timer; /* every connectionsCheckingInterval ms while listening */
  char **unique;      /* options.uniqueHeaders, lowercased: an array value is one line */
  bool custom_request; /* options.IncomingMessage: requests are of that class */
  size_t nunique;
} ServerState;

/* One request and its response: the native part of a ServerResponse object. */
typedef struct Exchange {
  Conn *conn;        /* NULL once the connection is gone */
  int status;
  char *reason;
  HttpField *headers;
  size_t nheaders, capacity;
  bool req_keep_alive, req_is_head, chunked_by_default;
  bool head_sent, finished, close_after;
  bool expect_continue, sent100; /* Expect: 100-continue, and whether 100 went out */
  bool want_drain;               /* write() returned false: emit 'drain' when empty */
  size_t in_flight;              /* bytes written whose write has not completed (writableLength) */
  uint8_t flight_ticks;          /* writes_done ticks still to come (0: none queued) */
  bool dropped;                  /* the peer left first: nothing more is sent */
  bool progressive;              /* setHeader was used: writeHead merges (node's kOutHeaders) */
  bool over_limit;               /* past maxRequestsPerSocket: 'dropRequest' and 503 */
  bool limit_reached;            /* the last request maxRequestsPerSocket allows */
  double keep_alive_timeout;     /* server.keepAliveTimeout when the request came */
  double max_requests;           /* server.maxRequestsPerSocket then ("max=" if > 0) */
  HttpFraming framing;
  int32_t pin;       /* the response object, until it is finished */
  HttpBuf unsent;    /* the head writeHead built, waiting for the first write or end */
  HttpBuf trailers;  /* addTrailers' lines, sent after the last chunk */
} Exchange;

struct Conn {
  ServerState *server;
  Host *host;
  NetConn *net;
  HttpParser *parser;
  HttpBuf in;        /* bytes received and not yet parsed */
  size_t in_pos;
  Exchange *current; /* the exchange whose response is still being written */
  int32_t req_pin;   /* the current exchange's request; -1 if none */
  int32_t res_pin;   /* ... and its response (-1 with req_pin) */
  int32_t body_pin;  /* the request whose body is still arriving; -1 if none */
  int32_t server_pin;
  HttpBuf body;      /* body bytes parsed but not yet emitted */
  HttpBuf trailers;  /* the completed request's trailers, as http_parser_trailers gave them */
  size_t ntrailers;
  bool head_pending, complete_pending, request_complete;
  bool processing, peer_ended, closed, missing_host, connect_method;
  bool parse_failed; /* 'clientError' listeners took the connection after a parse error */
  bool expect;       /* the current request is HTTP/1.1 with an Expect header */
  bool body_paused;  /* the request's reader wants no more body for now */
  bool ending;       /* net_end called: nothing more is read or written */
  bool blocked;      /* responses queued beyond the high-water mark: not parsing */
  const char *upgrade_event; /* "upgrade" or "connect": the connection leaves HTTP */
  int32_t upgrade_pin; /* the request that upgrades it, until handed over */
  bool read_stopped; /* reading paused (blocked, or too much input parked) */
  /* Node's "active connection": from a message's first byte (or the accept) until
   * the request is complete; headersTimeout/requestTimeout apply only then. */
  bool active, headers_done;
  uint64_t message_start;
  /* The socket's idle timeout (Node's socket.setTimeout): 'timeout' once nothing has
   * been read or written for idle_ms. Keep-alive uses it as Node does. */
  double idle_ms;           /* 0: none */
  TimerId idle_timer;       /* 0 when not armed */
  uint64_t last_active;     /* loop time of the last read or write */
  bool keep_alive_set;      /* idle_ms is keepAliveTimeout's (+1 s) until the next request */
  bool keep_alive_on_drain; /* set it once the queue has drained */
  uint32_t requests;        /* counted against maxRequestsPerSocket while it is set */
  int32_t max_header_pairs; /* Node's parser.maxHeaderPairs: entries of req.headers */
  bool join_duplicates;     /* the server's joinDuplicateHeaders, for each request */
  double bytes_read, bytes_written; /* socket.bytesRead, socket.bytesWritten */
  double hwm;             /* the server's highWaterMark: write() says false at it */
  HttpSocket *socket; /* req.socket, once a request has been made (http_socket.c) */
  int32_t socket_pin;
  Conn *next;
};

/* ==== http.c ==== */

/* A new IncomingMessage for head, on conn (left on the handle stack), or VALUE_EXCEPTION. */
Value http_request_new(VM *vm, Conn *conn, const HttpRequestHead *head);
/* Calls the server's JavaScript half (lib/internal/http/server.js): responseDone(req,
 * res) or abortRequest(req). False if it threw (the exception is pending). */
bool http_call_hook(VM *vm, const char *name, int argc, Value *argv);
/* A new ServerResponse, conn's current exchange, pinned until it ends (on the handle stack). */
Value http_response_new(VM *vm, Conn *conn, const HttpRequestHead *head, Value req);
/* Sends the interim "HTTP/1.1 100 Continue" for ex (Node's res.writeContinue()). */
void http_write_continue(Exchange *ex);
/* res.writeHead(code); res.end(): Node's 417 for an expectation nobody handles, and
 * its 503 for a request past maxRequestsPerSocket. */
Value http_respond_empty(VM *vm, Value res, int code);
/* At exit, after loop_free: frees conn and closes its socket, touching nothing else. */
void http_conn_abandon(Conn *conn);
/* Emits the server's 'close' if it is closed and its last connection has gone. */
void http_server_maybe_closed(ServerState *state);
/* A property of the server object, read as node reads its settings; a getter that
 * throws reads as undefined. */
Value http_server_value(VM *vm, Value server, const char *name);
/* A number property of the server object (a timeout); 0 when it is not a number. */
double http_server_number(VM *vm, Value server, const char *name);
double http_server_number_key(VM *vm, Value server, VMKey *key); /* a name read per request */
extern VMKey http_key_keep_alive_timeout; /* "keepAliveTimeout": read at each response */
/* JavaScript's ToInt32. */
int32_t http_to_int32(double d);

/* ==== http_conn.c ==== */

/* Puts bytes on the wire (after what is queued), counting them for bytesWritten. */
void http_conn_write(Conn *conn, const char *bytes, size_t len);
/* The graceful end: what is queued goes out, then FIN and close. */
void http_conn_end(Conn *conn);
/* Lets go of the current exchange's request and response (their pins). */
void http_conn_unpin_exchange(VM *vm, Conn *conn);
/* Something was read or written: the idle clock starts again. */
void http_conn_touch(Conn *conn);
/* socket.setTimeout(ms): 'timeout' after ms without activity (0 stops the clock). */
void http_conn_set_idle(Conn *conn, double ms);
/* The request's reader pauses (or resumes) the body: reading the socket stops with it. */
void http_conn_pause_body(Conn *conn, bool pause);
/* The server's NetConnectionCb: a Conn for the new connection, reading at once. */
void http_conn_accept(NetServer *server, NetConn *net, void *data);
/* conn's current response has ended: close the connection if close, else start the
 * keep-alive clock and parse the next request. */
void http_conn_response_done(Conn *conn, bool close);
/* The server's interval timer: closes connections whose request is too slow (408). */
void http_check_connections(Loop *loop, void *data);

/* ==== http_socket.c ==== */

/* conn's socket object, made on first use (on the handle stack when new), or
 * VALUE_EXCEPTION if initSocket threw. */
Value http_socket_of(VM *vm, Conn *conn);
/* The peer sent FIN: the socket's readable side ends ('end' follows). */
void http_socket_ended(Conn *conn);
/* conn leaves its socket object (it closes, or an upgrade takes it): the object keeps
 * the byte counts and forgets conn. */
void http_socket_detach(Conn *conn);
/* conn is closing: its socket is detached and destroyed. */
void http_socket_closing(Conn *conn);
/* ... and then, after the request and response have heard, emits 'close'. */
void http_socket_closed(Conn *conn);
/* The write queue has emptied: a raw write waiting for it completes. */
void http_socket_drained(Conn *conn);
/* Whether conn's socket has a 'data' listener, which hears what is read (node
 * unconsumes its parser then). */
bool http_socket_tapped(const Conn *conn);
/* socket.push(chunk) for such a listener. */
void http_socket_push(VM *vm, Value socket, Value chunk);
/* Registers the socket class and makes its prototype. */
void http_socket_init(VM *vm);

#endif /* TN_STDLIB_HTTP_PRIVATE_H */
