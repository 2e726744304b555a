using System;

namespace TaobaoTop
{
    /// <summary>info_type of 私域用户备案.</summary>
    public enum TbkPublisherType
    {
        /// <summary>渠道 (relation_id).</summary>
        Channel = 1,

        /// <summary>会员 (special_id).</summary>
        Member = 2,
    }

    /// <summary>code_type of an invite code.</summary>
    public enum TbkInviteKind
    {
        /// <summary>渠道邀请.</summary>
        Channel = 1,

        /// <summary>渠道裂变: a channel invites channels under it.</summary>
        ChannelFission = 2,

        /// <summary>会员邀请.</summary>
        Member = 3,
    }

    /// <summary>A private-domain user (渠道 or 会员) registered under the promoter.</summary>
    public sealed class TbkPublisher
    {
        public TbkPublisherType Type { get; set; }

        /// <summary>渠道关系ID, for relation_id on links and orders.</summary>
        public long? RelationId { get; set; }

        /// <summary>会员运营ID, for special_id on links and orders.</summary>
        public long? SpecialId { get; set; }

        public string? AccountName { get; set; }

        /// <summary>The masked real name Alimama shows.</summary>
        public string? RealName { get; set; }

        public string? RelationApp { get; set; }

        public DateTimeOffset? CreateDate { get; set; }

        public string? OnlineScene { get; set; }

        public string? OfflineScene { get; set; }

        public string? Note { get; set; }

        public string? ExternalId { get; set; }

        public string? RootPid { get; set; }

        public string? PunishStatus { get; set; }

        /// <summary>The registration's answer (绑定成功, 重复绑定渠道 …); empty from a lookup.</summary>
        public string? Description { get; set; }

        public override string ToString() => (RelationId ?? SpecialId)?.ToString() ?? AccountName ?? string.Empty;
    }

    /// <summary>An invite code that a user registers with (Register-TbkPublisher).</summary>
    public sealed class TbkInviteCode
    {
        public TbkInviteCode(string inviteCode, TbkInviteKind kind, string relationApp, long? relationId)
        {
            InviteCode = inviteCode;
            InviteKind = kind;
            RelationApp = relationApp;
            RelationId = relationId;
        }

        public string InviteCode { get; }

        public TbkInviteKind InviteKind { get; }

        /// <summary>The registration kind the code is for.</summary>
        public TbkPublisherType PublisherType => InviteKind == TbkInviteKind.Member ? TbkPublisherType.Member : TbkPublisherType.Channel;

        public string RelationApp { get; }

        /// <summary>The inviting channel of a 渠道裂变 code.</summary>
        public long? RelationId { get; }

        public override string ToString() => InviteCode;
    }
}
