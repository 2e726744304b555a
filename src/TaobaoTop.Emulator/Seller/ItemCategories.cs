using System.Collections.Generic;
using System.Linq;

namespace TaobaoTop.Emulator.Seller
{
    internal sealed class ItemCategory
    {
        public ItemCategory(long cid, long parentCid, string name, int sortOrder, CategoryProfile profile)
        {
            Cid = cid;
            ParentCid = parentCid;
            Name = name;
            SortOrder = sortOrder;
            Profile = profile;
        }

        public long Cid { get; }

        public long ParentCid { get; }

        public string Name { get; }

        public int SortOrder { get; }

        /// <summary>The properties of a leaf (taobao.itemprops.get), shared by the leaves of one kind.</summary>
        public CategoryProfile Profile { get; }

        public bool IsParent => ItemCategories.HasChildren(Cid);

        public IReadOnlyList<ItemProperty> Properties => Profile.Properties;
    }

    /// <summary>
    /// The category tree. Ids 16, 1622, 1623, 162104, 162205 and 50000671 were checked against a public dump of the real
    /// tree; 30, 50000436, 3035, 50010167 and 1512 are the ids commonly quoted for those categories but were not verified.
    /// Those first leaves have no required property, as some real leaves have none. Everything under the ids from
    /// 91000000 up is synthetic: a few hundred leaves across the big trades, generated from the tables below, with
    /// required, key and sale properties shaped like Taobao's but with made-up value ids.
    /// </summary>
    internal static class ItemCategories
    {
        private const long FirstSyntheticCid = 91000000;

        /// <summary>Trade → second level → leaves, and which property profile the leaves have.</summary>
        private static readonly (string Trade, string Profile, string[] Groups)[] Trades =
        {
            ("服装鞋包", "服装", new[]
            {
                "女士上装: 卫衣,毛衣,针织衫,风衣,羽绒服,棉服,西装,马甲,吊带,背心",
                "女士下装: 打底裤,休闲裤,运动裤,短裤,西装裤,阔腿裤,连衣裙,旗袍",
                "男士上装: 夹克,卫衣,毛衣,羽绒服,棉衣,西服,Polo衫,背心",
                "男士下装: 西裤,运动裤,短裤,工装裤,沙滩裤,棉裤",
                "内衣家居服: 睡衣,文胸,内裤,袜子,保暖内衣,家居服",
                "鞋靴: 运动鞋,板鞋,帆布鞋,高跟鞋,靴子,凉鞋,拖鞋,皮鞋",
            }),
            ("手机数码", "手机", new[]
            {
                "手机通讯: 智能手机,老人手机,游戏手机,对讲机",
                "平板电脑: 平板电脑,电子书阅读器,学习机",
                "笔记本电脑: 轻薄本,游戏本,二合一笔记本,工作站",
                "智能设备: 智能手表,智能手环,智能音箱,VR眼镜",
                "存储设备: U盘,移动硬盘,固态硬盘,存储卡",
            }),
            ("数码配件", "配件", new[]
            {
                "手机配件: 手机壳,手机贴膜,充电器,数据线,移动电源,手机支架",
                "电脑配件: 鼠标,键盘,显示器,摄像头,耳麦,鼠标垫",
                "影音设备: 蓝牙耳机,有线耳机,音箱,麦克风,收音机",
            }),
            ("食品", "食品", new[]
            {
                "休闲零食: 饼干,坚果,糖果,巧克力,肉干,果干,膨化食品,糕点",
                "茶叶: 绿茶,红茶,乌龙茶,普洱茶,白茶,花草茶",
                "粮油调味: 大米,面粉,食用油,酱油,醋,调味料,杂粮",
                "生鲜: 水果,蔬菜,海鲜,牛肉,猪肉,禽类,蛋类",
                "酒水饮料: 白酒,葡萄酒,啤酒,果汁,矿泉水,咖啡,牛奶",
                "滋补保健: 蜂蜜,燕窝,阿胶,枸杞,红枣,人参",
            }),
            ("美妆个护", "美妆", new[]
            {
                "护肤: 洁面,爽肤水,乳液,面霜,精华,眼霜,面膜,防晒",
                "彩妆: 口红,粉底,眼影,睫毛膏,眉笔,腮红,卸妆,香水",
                "个人护理: 洗发水,护发素,沐浴露,牙膏,牙刷,剃须刀,洗手液",
                "美发造型: 吹风机,卷发棒,直发器,发蜡,染发剂",
            }),
            ("家居家装", "家居", new[]
            {
                "床上用品: 四件套,被子,枕头,床垫,凉席,毛毯",
                "家具: 沙发,床,衣柜,餐桌,书桌,椅子,鞋柜,茶几",
                "家居饰品: 地毯,窗帘,抱枕,装饰画,花瓶,时钟",
                "收纳整理: 收纳箱,衣架,置物架,收纳袋,挂钩",
                "厨房用品: 炒锅,汤锅,刀具,砧板,保鲜盒,餐具,水杯",
                "灯具照明: 吸顶灯,台灯,落地灯,吊灯,灯泡",
            }),
            ("母婴", "母婴", new[]
            {
                "婴童服饰: 连体衣,婴儿套装,童装外套,童裤,童鞋,儿童睡衣",
                "喂养用品: 奶瓶,奶嘴,吸奶器,辅食机,餐椅,围兜",
                "尿裤湿巾: 纸尿裤,拉拉裤,婴儿湿巾,隔尿垫",
                "玩具: 积木,毛绒玩具,益智玩具,遥控车,拼图,早教机",
                "童车童床: 婴儿推车,安全座椅,婴儿床,学步车",
            }),
            ("运动户外", "服装", new[]
            {
                "运动服: 运动T恤,运动外套,瑜伽服,健身裤,冲锋衣",
                "户外装备: 帐篷,睡袋,登山包,户外鞋,野餐垫,登山杖",
                "健身器材: 哑铃,跑步机,瑜伽垫,跳绳,健身车,拉力器",
                "球类: 篮球,足球,羽毛球拍,乒乓球拍,网球拍",
            }),
            ("宠物用品", "家居", new[]
            {
                "猫狗日用: 猫砂,猫爬架,狗窝,牵引绳,宠物碗,宠物玩具",
                "宠物服饰: 宠物衣服,宠物鞋,宠物项圈",
            }),
            ("汽车用品", "配件", new[]
            {
                "车载电器: 行车记录仪,车载充电器,车载吸尘器,车载冰箱",
                "汽车装饰: 座垫,脚垫,方向盘套,香水摆件,遮阳挡",
                "美容清洗: 洗车液,车蜡,洗车机,擦车巾",
            }),
        };

        public static readonly IReadOnlyList<ItemCategory> All = Build();

        private static readonly Dictionary<long, ItemCategory> ById = All.ToDictionary(c => c.Cid);

        private static readonly HashSet<long> Parents = new HashSet<long>(All.Select(c => c.ParentCid));

        private static IReadOnlyList<ItemCategory> Build()
        {
            var clothing = CategoryProfile.Light;
            var phone = CategoryProfile.LightPhone;
            var all = new List<ItemCategory>
            {
                new ItemCategory(16, 0, "女装/女士精品", 1, clothing),
                new ItemCategory(50000671, 16, "T恤", 1, clothing),
                new ItemCategory(162104, 16, "衬衫", 2, clothing),
                new ItemCategory(1623, 16, "半身裙", 3, clothing),
                new ItemCategory(1622, 16, "裤子", 4, clothing),
                new ItemCategory(162205, 1622, "牛仔裤", 1, clothing),
                new ItemCategory(30, 0, "男装", 2, clothing),
                new ItemCategory(50000436, 30, "T恤", 1, clothing),
                new ItemCategory(3035, 30, "休闲裤", 2, clothing),
                new ItemCategory(50010167, 30, "牛仔裤", 3, clothing),
                new ItemCategory(1512, 0, "手机", 3, phone),
            };
            var next = FirstSyntheticCid;
            var tradeOrder = 4;
            foreach (var (trade, profileName, groups) in Trades)
            {
                var profile = CategoryProfile.ByName[profileName];
                var tradeCid = next++;
                all.Add(new ItemCategory(tradeCid, 0, trade, tradeOrder++, profile));
                var groupOrder = 1;
                foreach (var group in groups)
                {
                    var parts = group.Split(':');
                    var groupCid = next++;
                    all.Add(new ItemCategory(groupCid, tradeCid, parts[0].Trim(), groupOrder++, profile));
                    var leafOrder = 1;
                    foreach (var leaf in parts[1].Split(','))
                    {
                        all.Add(new ItemCategory(next++, groupCid, leaf.Trim(), leafOrder++, profile));
                    }
                }
            }
            return all;
        }

        public static bool IsSynthetic(long cid) => cid >= FirstSyntheticCid && cid < FirstSyntheticCid + 100000;

        public static bool HasChildren(long cid) => Parents.Contains(cid);

        public static ItemCategory? Find(long cid) => ById.TryGetValue(cid, out var category) ? category : null;

        public static IEnumerable<ItemCategory> Leaves => All.Where(c => !c.IsParent);
    }
}
