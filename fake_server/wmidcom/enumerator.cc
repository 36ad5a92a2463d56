#include "wmidcom/enumerator.h"

#include <algorithm>

#include "wmi/wbem_status.h"

namespace cimulate::fake::wmidcom {

Enumerator::Enumerator(std::vector<WmiObject> objects)
    : objects_(std::make_shared<const std::vector<WmiObject>>(std::move(objects))) {}

Enumerator::Enumerator(std::shared_ptr<const std::vector<WmiObject>> objects, std::size_t position)
    : objects_(std::move(objects)), position_(position) {}

std::uint32_t Enumerator::Next(std::uint32_t count, std::vector<WmiObject>* out) {
  std::lock_guard<std::mutex> lock(mu_);
  out->clear();
  std::size_t n = std::min<std::size_t>(count, objects_->size() - position_);
  out->assign(objects_->begin() + static_cast<std::ptrdiff_t>(position_),
              objects_->begin() + static_cast<std::ptrdiff_t>(position_ + n));
  position_ += n;
  return n == count ? wmi::kWbemSNoError : wmi::kWbemSFalse;
}

std::uint32_t Enumerator::Skip(std::uint32_t count) {
  std::lock_guard<std::mutex> lock(mu_);
  std::size_t n = std::min<std::size_t>(count, objects_->size() - position_);
  position_ += n;
  return n == count ? wmi::kWbemSNoError : wmi::kWbemSFalse;
}

void Enumerator::Reset() {
  std::lock_guard<std::mutex> lock(mu_);
  position_ = 0;
}

std::unique_ptr<Enumerator> Enumerator::Clone() const {
  std::lock_guard<std::mutex> lock(mu_);
  return std::unique_ptr<Enumerator>(new Enumerator(objects_, position_));
}

std::size_t Enumerator::remaining() const {
  std::lock_guard<std::mutex> lock(mu_);
  return objects_->size() - position_;
}

}  // namespace cimulate::fake::wmidcom
