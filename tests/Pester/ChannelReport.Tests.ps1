#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    # Both emulators seed the same month from the same seed and day: WeCom customers who became members (special_id)
    # show up in the affiliate orders from the day they added.
    Connect-TaobaoTop -Emulator -Seed 42
    Connect-WeCom -Emulator
    $definition = Join-Path $PSScriptRoot '../../examples/channels.csv'
    $customers = @(Get-WeComCustomer)
    $orders = @(Get-TbkOrder -Start (Get-Date).AddDays(-30) -End (Get-Date))
    $rows = @($customers | Measure-TaobaoChannel $definition -Order $orders)
}

Describe 'The channel report' {
    It 'has one ranked row per channel of the definition file' {
        $rows.Count | Should -Be 7
        ($rows | Measure-Object -Property Rank -Minimum -Maximum).Minimum | Should -Be 1
        $rows | Where-Object { $_.Rank -gt 7 } | Should -BeNullOrEmpty
    }

    It 'counts as first adds the customers who added through the channel''s code' {
        $xhs = $rows | Where-Object Channel -eq '小红书'
        $xhs.FirstAdds | Should -Be @($customers | Where-Object State -eq 'xhs_note').Count
        $xhs.FirstAdds | Should -BeGreaterThan 0
    }

    It 'never converts more customers than were added' {
        $rows | Where-Object { $_.Converted -gt $_.FirstAdds } | Should -BeNullOrEmpty
        ($rows | Measure-Object -Property Converted -Sum).Sum | Should -BeGreaterThan 0
    }

    It 'gives ROI as commission over cost' {
        $group = $rows | Where-Object Channel -eq '微信群'
        $group.ChannelOrders | Should -BeGreaterThan 0
        $group.Roi | Should -Be ([Math]::Round($group.Commission / $group.Cost, 2))
    }

    It 'says which windows are still open' {
        ($rows | Where-Object Channel -eq '小红书').OpenWindows | Should -Contain '30d retention'
    }

    It 'keeps money to two places' {
        $rows | ForEach-Object { $_.Gmv | Should -Be ([Math]::Round($_.Gmv, 2)) }
    }
}
