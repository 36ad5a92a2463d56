// One MI_Application: the protocol registry, the worker pool, and the sessions.
// Close refuses new sessions at once, cancels running operations, and returns when
// the last session is closed (by this or any other thread).
#ifndef CIMULATE_CORE_APPLICATION_H_
#define CIMULATE_CORE_APPLICATION_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "MI.h"
#include "core/protocol.h"
#include "core/thread_pool.h"

namespace cimulate::core {

class Session;

class Application final : public std::enable_shared_from_this<Application> {
 public:
  Application(std::shared_ptr<ProtocolRegistry> registry, std::string application_id);
  ~Application();

  void Attach(MI_Application* out);
  MI_Result FillHandle(MI_Application* out) const;
  ThreadPool& pool() { return pool_; }
  const ProtocolRegistry& registry() const { return *registry_; }

  MI_Result NewSession(const MI_Char* protocol, const MI_Char* destination, MI_DestinationOptions* options,
                       MI_SessionCallbacks* callbacks, MI_Instance** error, MI_Session* out);
  MI_Result Close(MI_Application* handle);

  // A session finished closing.
  void RemoveSession(Session* session);

 private:
  bool AddSession(const std::shared_ptr<Session>& session);

  const std::shared_ptr<ProtocolRegistry> registry_;
  const std::string application_id_;
  ThreadPool pool_;
  MI_Application handle_{};

  std::mutex mutex_;
  std::condition_variable sessions_changed_;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions_;
  bool closing_ = false;
};

// MI_Application_InitializeV1 with an explicit protocol registry (tests use mocks).
MI_Result InitializeApplication(MI_Uint32 flags, const MI_Char* application_id, MI_Instance** error,
                                MI_Application* out, std::shared_ptr<ProtocolRegistry> registry);

extern const MI_ApplicationFT kApplicationFT;
extern const MI_ApplicationFT kFailedApplicationFT;

}  // namespace cimulate::core

#endif  // CIMULATE_CORE_APPLICATION_H_
