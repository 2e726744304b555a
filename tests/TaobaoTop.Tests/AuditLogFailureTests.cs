using System.Management.Automation;
using TaobaoTop.Tests.Infrastructure;
using Xunit;

namespace TaobaoTop.Tests;

/// <summary>An audit log that cannot be written: found at connect time, and never a call's outcome.</summary>
public sealed class AuditLogFailureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("taobaotop-audit-").FullName;

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Connect_refuses_an_audit_log_in_a_folder_that_does_not_exist()
    {
        using var session = new ModuleSession();
        var path = Path.Combine(_folder, "missing", "audit.jsonl");
        var result = session.Run($"Connect-TaobaoTop -Emulator -AuditLogPath '{path}'");
        var error = (result.Terminating as IContainsErrorRecord)?.ErrorRecord ?? Assert.Single(result.Errors);
        Assert.StartsWith("AuditLogNotWritable", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.WriteError, error.CategoryInfo.Category);
        Assert.Contains(path, error.Exception.Message);
    }

    [Fact]
    public void Items_added_after_the_audit_folder_went_away_are_added_with_one_warning()
    {
        using var session = new ModuleSession();
        var audit = Path.Combine(_folder, "audit.jsonl");
        session.Ok($"Connect-TaobaoTop -Emulator -AuditLogPath '{audit}'");
        Directory.Delete(_folder, recursive: true);
        var result = session.Run("""
            1..20 | ForEach-Object { [pscustomobject]@{ 标题 = "纯棉短袖T恤 $_"; 价格 = '59.90'; 库存 = 3; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = "AU-$_"; 省 = '浙江'; 市 = '杭州' } } | Add-TaobaoItem
            """);
        Assert.Empty(result.Errors);
        Assert.Equal(20, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal("Added", o.Properties["Status"].Value.ToString()));
        Assert.Contains(audit, Assert.Single(result.Warnings));
    }
}
