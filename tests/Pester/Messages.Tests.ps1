#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# An unattended listing job watching its items through TOP's message service instead of polling.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    Connect-TaobaoTop -Emulator -Seed 3 -Qps 0
    function Receive-Briefly { Receive-TaobaoMessage -Duration '00:00:00.5' -PollInterval '00:00:00.1' @args }
}

Describe 'Receive-TaobaoMessage' {
    BeforeEach {
        Reset-TaobaoEmulator
        Receive-TaobaoMessage -Duration 0 | Out-Null
    }

    It 'sees the add, the platform taking an item down and a sell-out' {
        $listed = @(
            [pscustomobject]@{ 标题 = '国家级 纯棉T恤'; 价格 = '59.90'; 库存 = 5; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = 'TMC-1'; 省 = '浙江'; 市 = '杭州' }
            [pscustomobject]@{ 标题 = '纯棉T恤 白色'; 价格 = '49.90'; 库存 = 2; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = 'TMC-2'; 省 = '浙江'; 市 = '杭州' }
        ) | Add-TaobaoItem
        Set-TaobaoItemQuantity -NumIid $listed[1].NumIid -Quantity -2 -Incremental | Out-Null
        Set-TaobaoItemPrice -NumIid $listed[1].NumIid -Price 45.90 | Out-Null

        $messages = @(Receive-Briefly)
        ($messages | Where-Object Kind -eq ItemAdded).OuterId | Sort-Object | Should -Be @('TMC-1', 'TMC-2')
        $down = $messages | Where-Object Kind -eq ItemDelistedByPlatform
        $down.OuterId | Should -Be 'TMC-1'
        $down.Reason | Should -Match '国家级'
        ($messages | Where-Object Kind -eq ItemSoldOut).NumIid | Should -Be $listed[1].NumIid
        ($messages | Where-Object Kind -eq PriceChanged).Price | Should -Be 45.90
        (Get-TaobaoItem -OuterId TMC-1).IsOnSale | Should -BeFalse
        @(Receive-Briefly).Count | Should -Be 0 -Because 'every message written was confirmed'
    }

    It 'gives a stopped receiver''s unconfirmed messages to the next one, and nothing twice that was written' {
        1..5 | ForEach-Object {
            [pscustomobject]@{ 标题 = "纯棉T恤 $_"; 价格 = '49.90'; 库存 = 2; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = "STOP-$_"; 省 = '浙江'; 市 = '杭州' }
        } | Add-TaobaoItem -ThrottleLimit 1 | Out-Null
        $first = @(Receive-TaobaoMessage | Select-Object -First 2)
        $first.OuterId | Should -Be @('STOP-1', 'STOP-2')
        $rest = @(Receive-Briefly)
        $rest.OuterId | Should -Be @('STOP-3', 'STOP-4', 'STOP-5')
    }

    It 'receives only the topics asked for' {
        Receive-TaobaoMessage ItemSoldOut -Duration 0 | Out-Null
        $item = [pscustomobject]@{ 标题 = '纯棉T恤'; 价格 = '49.90'; 库存 = 1; 类目ID = 50000436; 描述 = '纯棉面料，舒适透气'; 商家编码 = 'ONLY-1'; 省 = '浙江'; 市 = '杭州' } | Add-TaobaoItem
        Set-TaobaoItemQuantity -NumIid $item.NumIid -Quantity 0 | Out-Null
        $messages = @(Receive-Briefly ItemSoldOut)
        $messages.Kind | Should -Be @('ItemSoldOut')
    }
}
