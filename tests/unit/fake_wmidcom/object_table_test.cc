#include "wmidcom/object_table.h"

#include "gtest/gtest.h"

namespace cimulate::fake::wmidcom {
namespace {

const Guid kIidA = *Guid::Parse("f309ad18-d86a-11d0-a075-00c04fb68820");
const Guid kIidB = *Guid::Parse("9556dc99-828c-11cf-a37e-00aa003240c7");

class Answers : public ServedObject {
 public:
  explicit Answers(Guid iid) : iid_(iid) {}
  bool Supports(const Guid& iid) const override { return iid == iid_; }

 private:
  Guid iid_;
};

TEST(ObjectTable, SeededIdentifiersRepeatAndDiffer) {
  ObjectTable a(7), b(7), c(8);
  EXPECT_EQ(a.oxid(), b.oxid());
  EXPECT_EQ(a.ipid_rem_unknown(), b.ipid_rem_unknown());
  EXPECT_NE(a.oxid(), c.oxid());
  EXPECT_NE(a.oxid(), 0u);
  EXPECT_FALSE(a.ipid_rem_unknown().IsNil());
}

TEST(ObjectTable, ExportGivesDistinctIpidsAndOids) {
  ObjectTable t(1);
  ExportedRef x = t.Export(kIidA, std::make_shared<Answers>(kIidA), 5);
  ExportedRef y = t.Export(kIidA, std::make_shared<Answers>(kIidA), 5);
  EXPECT_NE(x.ipid, y.ipid);
  EXPECT_NE(x.oid, y.oid);
  EXPECT_NE(x.ipid, t.ipid_rem_unknown());
  ASSERT_TRUE(t.Find(x.ipid).has_value());
  EXPECT_EQ(t.Find(x.ipid)->iid, kIidA);
  EXPECT_TRUE(t.HasOid(x.oid));
}

TEST(ObjectTable, ReleaseToZeroForgetsAndOverReleaseIsTolerated) {
  ObjectTable t(1);
  ExportedRef x = t.Export(kIidA, std::make_shared<Answers>(kIidA), 2);
  EXPECT_TRUE(t.AddRef(x.ipid, 1));
  EXPECT_TRUE(t.Release(x.ipid, 2));
  EXPECT_TRUE(t.Find(x.ipid).has_value());
  EXPECT_TRUE(t.Release(x.ipid, 5));  // more than held: clamped, gone
  EXPECT_FALSE(t.Find(x.ipid).has_value());
  EXPECT_FALSE(t.Release(x.ipid, 1));  // the second release of impacket's pair
  EXPECT_FALSE(t.AddRef(x.ipid, 1));
  EXPECT_EQ(t.size(), 0u);
}

TEST(ObjectTable, QueryInterfaceKeepsTheOidAndChecksSupport) {
  ObjectTable t(1);
  ExportedRef x = t.Export(kIidA, std::make_shared<Answers>(kIidA), 1);
  EXPECT_FALSE(t.QueryInterface(x.ipid, kIidB, 1).has_value());
  std::optional<ExportedRef> again = t.QueryInterface(x.ipid, kIidA, 1);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->oid, x.oid);
  EXPECT_NE(again->ipid, x.ipid);
  EXPECT_EQ(again->object, x.object);
  EXPECT_FALSE(t.QueryInterface(*Guid::Parse("00000000-0000-0000-0000-000000000001"), kIidA, 1).has_value());
}

}  // namespace
}  // namespace cimulate::fake::wmidcom
