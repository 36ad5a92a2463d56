// The admin HTTP API of a FakeServer (on its own loopback listener):
//
//   GET  /health    200 {"status":"ok","scenario":NAME,"seed":N}
//   GET  /journal   200 the journal as JSON
//   POST /scenario  YAML body: validated and hot-reloaded (200), or 400 with
//                   one "admin upload:line:column: message" per line
//   POST /reset     engine to its initial state, hangs released, journal cleared
//   POST /release   ends `hang until: release` faults
//
// Unknown paths get 404, a known path with the wrong method 405.
#ifndef CIMULATE_FAKE_SERVER_SERVER_ADMIN_API_H_
#define CIMULATE_FAKE_SERVER_SERVER_ADMIN_API_H_

#include "net/http_types.h"

namespace cimulate::fake {

class FakeServer;

// The handler for the admin listener; `server` must outlive it.
Handler AdminHandler(FakeServer* server);

}  // namespace cimulate::fake

#endif  // CIMULATE_FAKE_SERVER_SERVER_ADMIN_API_H_
