#include "server/engine_handler.h"

#include <utility>

namespace cimulate::fake {

EngineRequest ToEngineRequest(const Request& request) {
  EngineRequest out;
  out.method = request.method;
  out.path = request.path;
  for (const HeaderField& h : request.headers) out.headers.Add(h.first, h.second);
  out.body = request.body;
  out.listener = request.listener;
  out.connection_id = request.connection_id;
  return out;
}

FaultDraws ToFaultDraws(const EngineReply& reply) {
  FaultDraws draws;
  // The engine reports the whole wait; the listener adds the drawn part to ms.
  if (reply.fault && reply.fault_wait_ms > reply.fault->ms) draws.jitter_ms = reply.fault_wait_ms - reply.fault->ms;
  draws.garbage = reply.garbage;
  return draws;
}

Reply ToReply(EngineReply reply) {
  Reply out;
  out.status = reply.http_status;
  out.headers = reply.headers.fields();
  out.body = std::move(reply.body);
  out.draws = ToFaultDraws(reply);
  out.fault = std::move(reply.fault);
  RequestNote& note = out.note;
  note.action = std::move(reply.note.action);
  note.resource_uri = std::move(reply.note.resource_uri);
  note.selectors = std::move(reply.note.selectors);
  note.rule = std::move(reply.note.rule);
  note.nearest_rule = std::move(reply.note.nearest_rule);
  note.reason = std::move(reply.note.near_miss);
  note.outcome = std::move(reply.note.outcome);
  note.user = std::move(reply.note.user);
  return out;
}

}  // namespace cimulate::fake
