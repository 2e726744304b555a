using System;
using System.Collections.Generic;
using TaobaoTop.Emulator.Gateway;

namespace TaobaoTop.Emulator.Affiliate
{
    internal sealed class CatalogCoupon
    {
        public CatalogCoupon(string activityId, decimal amount, decimal startFee, long totalCount, long remainCount, DateTimeOffset start, DateTimeOffset end)
        {
            ActivityId = activityId;
            Amount = amount;
            StartFee = startFee;
            TotalCount = totalCount;
            RemainCount = remainCount;
            Start = start;
            End = end;
        }

        public string ActivityId { get; }
        public decimal Amount { get; }
        public decimal StartFee { get; }
        public long TotalCount { get; }
        public long RemainCount { get; }
        public DateTimeOffset Start { get; }
        public DateTimeOffset End { get; }
        public string Description => "满" + TopFormat.Money(StartFee).Replace(".00", "") + "元减" + TopFormat.Money(Amount).Replace(".00", "") + "元";
    }

    internal sealed class CatalogShop
    {
        public CatalogShop(long sellerId, string title, string nick, bool isTmall)
        {
            SellerId = sellerId;
            Title = title;
            Nick = nick;
            IsTmall = isTmall;
        }

        public long SellerId { get; }
        public string Title { get; }
        public string Nick { get; }
        public bool IsTmall { get; }
    }

    internal sealed class CatalogItem
    {
        public long NumIid { get; set; }

        /// <summary>The opaque new-style id (e.g. <c>qYtxrMJOC8tmtM-Qq0Z65Sbbq5DqZ9</c>) the upgrade APIs use.</summary>
        public string ItemId { get; set; } = "";
        public string Title { get; set; } = "";
        public string ShortTitle { get; set; } = "";
        public string BrandName { get; set; } = "";
        public long CategoryId { get; set; }
        public string CategoryName { get; set; } = "";
        public long LevelOneCategoryId { get; set; }
        public string LevelOneCategoryName { get; set; } = "";
        public CatalogShop Shop { get; set; } = null!;
        public decimal ReservePrice { get; set; }
        public decimal ZkFinalPrice { get; set; }
        public long Volume { get; set; }

        /// <summary>Commission rate in percent, e.g. 6.50.</summary>
        public decimal CommissionRate { get; set; }
        public CatalogCoupon? Coupon { get; set; }
        public string PictUrl { get; set; } = "";

        public decimal FinalPromotionPrice => Coupon != null && ZkFinalPrice >= Coupon.StartFee ? ZkFinalPrice - Coupon.Amount : ZkFinalPrice;

        public string DetailUrl => (Shop.IsTmall ? "https://detail.tmall.com/item.htm?id=" : "https://item.taobao.com/item.htm?id=") + ItemId;
    }

    /// <summary>A few thousand items across categories, Tmall and Taobao shops, some with coupons; a function of the seed.</summary>
    internal sealed class SyntheticCatalog
    {
        public const int ItemCount = 3000;
        private const int ShopCount = 400;

        private static readonly (long Id, string Name, (long Id, string Name, string[] Nouns)[] Leaves)[] Categories =
        {
            (16, "女装/女士精品", new[] { (50000671L, "T恤", new[] { "纯棉短袖T恤", "宽松印花T恤", "圆领打底衫" }), (162104L, "连衣裙", new[] { "碎花连衣裙", "法式收腰连衣裙", "针织长裙" }) }),
            (30, "男装", new[] { (50000436L, "夹克", new[] { "工装夹克", "立领休闲外套" }), (3035L, "休闲裤", new[] { "直筒休闲裤", "弹力束脚裤" }) }),
            (50010788, "彩妆/香水/美妆工具", new[] { (50010815L, "口红", new[] { "丝绒哑光口红", "滋润唇膏" }), (50010817L, "粉底液", new[] { "持妆粉底液", "遮瑕气垫" }) }),
            (1801, "美容护肤/美体/精油", new[] { (50011977L, "面霜", new[] { "补水保湿面霜", "修护精华霜" }), (121484044L, "面膜", new[] { "玻尿酸面膜", "清洁泥膜" }) }),
            (50008165, "童装/婴儿装/亲子装", new[] { (50010524L, "儿童套装", new[] { "儿童纯棉套装", "宝宝连体衣" }) }),
            (50002766, "零食/坚果/特产", new[] { (50008055L, "坚果", new[] { "每日坚果礼盒", "碧根果", "夏威夷果" }), (50010550L, "饼干", new[] { "全麦苏打饼干", "手工曲奇" }) }),
            (50016422, "粮油米面/南北干货/调味品", new[] { (50016425L, "大米", new[] { "东北五常大米", "泰国香米" }) }),
            (1512, "手机", new[] { (1512L, "手机", new[] { "5G智能手机", "老人机" }) }),
            (50008090, "3C数码配件", new[] { (50008103L, "数据线", new[] { "快充数据线", "三合一充电线" }), (50012166L, "耳机", new[] { "蓝牙耳机", "降噪头戴耳机" }) }),
            (50012082, "厨房电器", new[] { (50002894L, "电饭煲", new[] { "智能电饭煲", "迷你电饭锅" }), (50012097L, "空气炸锅", new[] { "可视空气炸锅", "大容量空气炸锅" }) }),
            (21, "居家日用", new[] { (50003949L, "收纳盒", new[] { "桌面收纳盒", "衣物收纳箱" }), (50013902L, "纸巾", new[] { "抽纸整箱", "湿巾" }) }),
            (50011740, "流行男鞋", new[] { (50012907L, "运动鞋", new[] { "透气跑步鞋", "休闲板鞋" }) }),
            (50004958, "运动/瑜伽/健身/球迷用品", new[] { (50019775L, "瑜伽垫", new[] { "加厚瑜伽垫", "防滑健身垫" }) }),
            (50012164, "宠物/宠物食品及用品", new[] { (50026316L, "猫粮", new[] { "全价猫粮", "冻干猫粮" }) }),
        };

        private static readonly string[] Brands = { "小米", "南极人", "三只松鼠", "良品铺子", "美的", "苏泊尔", "安踏", "李宁", "花西子", "完美日记", "百雀羚", "蕉下", "网易严选", "优衣库", "罗莱", "绿联", "倍思", "心相印", "皇家", "伊利" };
        private static readonly string[] Adjectives = { "2026新款", "爆款", "官方正品", "加厚", "简约", "ins风", "大容量", "家用", "便携", "高端", "夏季", "秋冬", "限时特惠", "升级款" };
        private static readonly string[] Variants = { "", "2件装", "礼盒装", "大码", "家庭装", "套装", "旗舰款" };
        private static readonly string[] ShopWords = { "悦享", "优品", "百货", "生活馆", "好物", "家居", "数码", "服饰", "美妆", "食品" };

        private readonly List<CatalogItem> _items = new List<CatalogItem>(ItemCount);
        private readonly Dictionary<string, CatalogItem> _byItemId = new Dictionary<string, CatalogItem>(StringComparer.Ordinal);
        private readonly Dictionary<long, CatalogItem> _byNumIid = new Dictionary<long, CatalogItem>();
        private readonly Dictionary<long, CatalogShop> _shops = new Dictionary<long, CatalogShop>();

        public SyntheticCatalog(int seed, DateTimeOffset now)
        {
            var shops = new CatalogShop[ShopCount];
            for (var s = 0; s < ShopCount; s++)
            {
                var random = new SeededRandom(seed, 1, s);
                var isTmall = random.Chance(0.4);
                var brand = random.Pick(Brands);
                var title = isTmall ? brand + "官方旗舰店" : brand + random.Pick(ShopWords) + "小店";
                var sellerId = 2200100000L + s * 37L;
                shops[s] = new CatalogShop(sellerId, title, title.Replace("官方旗舰店", "旗舰店") + (isTmall ? "" : "_" + s), isTmall);
                _shops[sellerId] = shops[s];
            }

            var today = now.ToOffset(TopTime.Offset).Date;
            for (var i = 0; i < ItemCount; i++)
            {
                var random = new SeededRandom(seed, 2, i);
                var category = Categories[random.Next(Categories.Length)];
                var leaf = category.Leaves[random.Next(category.Leaves.Length)];
                var brand = random.Pick(Brands);
                var noun = random.Pick(leaf.Nouns);
                var shop = shops[random.Next(ShopCount)];
                var reserve = decimal.Round((decimal)(9.9 + random.NextDouble() * random.NextDouble() * 990), 0) + 0.9m;
                var discount = 0.5m + (decimal)random.NextDouble() * 0.5m;
                var final = Math.Max(1.9m, decimal.Round(reserve * discount, 1));
                var item = new CatalogItem
                {
                    NumIid = 600000000000L + i * 7919L + (seed & 0xFFF),
                    ItemId = random.Alphanumeric(14) + "-" + random.Alphanumeric(15),
                    Title = (brand + random.Pick(Adjectives) + noun + random.Pick(Variants)).Trim(),
                    ShortTitle = brand + noun,
                    BrandName = brand,
                    CategoryId = leaf.Id,
                    CategoryName = leaf.Name,
                    LevelOneCategoryId = category.Id,
                    LevelOneCategoryName = category.Name,
                    Shop = shop,
                    ReservePrice = reserve,
                    ZkFinalPrice = final,
                    Volume = (long)(random.NextDouble() * random.NextDouble() * 50000),
                    CommissionRate = decimal.Round(1.5m + (decimal)(random.NextDouble() * random.NextDouble()) * 28.5m, 2),
                };
                item.PictUrl = "https://img.alicdn.com/bao/uploaded/i" + (1 + i % 4) + "/" + shop.SellerId + "/O1CN01" + random.Alphanumeric(18) + "_!!0-item_pic.jpg";
                if (random.Chance(0.6) && final > 5)
                {
                    var amount = Math.Max(1, decimal.Round(final * (decimal)(0.05 + random.NextDouble() * 0.3), 0));
                    var startFee = random.Chance(0.5) ? 0m : decimal.Round(final, 0);
                    var total = 1000L * random.Next(1, 100);
                    var startDay = today.AddDays(-random.Next(0, 20));
                    item.Coupon = new CatalogCoupon(
                        random.Alphanumeric(32).ToLowerInvariant(),
                        amount,
                        startFee,
                        total,
                        (long)(total * random.NextDouble()),
                        new DateTimeOffset(startDay, TopTime.Offset),
                        new DateTimeOffset(startDay.AddDays(random.Next(25, 60)).AddSeconds(-1), TopTime.Offset));
                }
                _items.Add(item);
                _byItemId[item.ItemId] = item;
                _byNumIid[item.NumIid] = item;
            }
        }

        public IReadOnlyList<CatalogItem> Items => _items;

        public CatalogItem this[int index] => _items[index];

        /// <summary>By new-style id or by old numeric id.</summary>
        public CatalogItem? Find(string id)
        {
            if (_byItemId.TryGetValue(id, out var item)) return item;
            return long.TryParse(id, out var numIid) && _byNumIid.TryGetValue(numIid, out item) ? item : null;
        }

        public CatalogShop? FindShop(long sellerId) => _shops.TryGetValue(sellerId, out var shop) ? shop : null;
    }
}
