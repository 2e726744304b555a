#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    $definition = Join-Path $PSScriptRoot '../../examples/channels.csv'
}

Describe 'Retention from what happened' {
    BeforeAll {
        Connect-WeCom -Emulator
        $customers = @(Get-WeComCustomer)
        $events = @(Get-WeComContactEvent -Emulator)
    }

    It 'is unknown, not 100 %, when only the current customer list is given' {
        $rows = @($customers | Measure-TaobaoChannel $definition)
        $rows.Retention | Where-Object { -not $_.IsUnknown } | Should -BeNullOrEmpty
        ($rows | Where-Object Channel -eq '抖音').RetentionText | Should -Be '7d unknown 15d unknown 30d unknown'
    }

    It 'is measured from the contact events: a channel that lost customers is below 100 %' {
        $rows = @($events | Measure-TaobaoChannel $definition)
        $douyin = $rows | Where-Object Channel -eq '抖音'
        $douyin.FirstAdds | Should -Be 60
        $douyin.Retention[0].IsUnknown | Should -BeFalse
        $douyin.Retention[0].Rate | Should -BeLessThan 1
        $departures = @($events | Where-Object IsDeparture)
        $departures.Count | Should -BeGreaterThan 0
        @($events | Where-Object Source -eq 'DELETE_BY_TRANSFER').Count | Should -BeGreaterThan 0
    }

    It 'gives adds, departures and net per channel and day with -By Day' {
        $days = @($events | Measure-TaobaoChannel $definition -By Day | Where-Object Channel -eq '直播间')
        ($days | Measure-Object Adds -Sum).Sum | Should -Be 30
        ($days | Measure-Object Departures -Sum).Sum | Should -BeGreaterThan 0
        $days | Where-Object { $_.Net -ne $_.Adds - $_.Departures } | Should -BeNullOrEmpty
    }
}

Describe '淘口令 reach per channel' {
    BeforeAll {
        Connect-WeCom -Emulator
        Connect-TaobaoTop -Emulator
        $events = @(Get-WeComContactEvent -Emulator)
    }

    It 'adds the PV/UV of the 淘口令 each channel names, and leaves a channel without one empty' {
        $codes = Import-Csv $definition | Where-Object TaoPassword | ForEach-Object TaoPassword
        $reports = @($codes | Get-TbkPasswordReport)
        $rows = @($events + $reports | Measure-TaobaoChannel $definition)
        $douyin = $rows | Where-Object Channel -eq '抖音'
        $douyin.PasswordPv | Should -Be ($reports | Where-Object Password -eq 'Dy7Feed3Tkl').Pv
        $douyin.PasswordUv | Should -Be ($reports | Where-Object Password -eq 'Dy7Feed3Tkl').Uv
        $douyin.PasswordPv | Should -BeGreaterThan 0
        ($rows | Where-Object Channel -eq '微信群').PasswordPv | Should -BeNullOrEmpty
    }

    It 'shows the reach in the HTML report' {
        $html = Join-Path $TestDrive 'reach.html'
        $reports = @(Import-Csv $definition | Where-Object TaoPassword | ForEach-Object TaoPassword | Get-TbkPasswordReport)
        $events | Measure-TaobaoChannel $definition -PasswordReport $reports -HtmlPath $html | Out-Null
        $page = Get-Content $html -Raw -Encoding utf8
        $page | Should -Match '淘口令 PV'
        $page | Should -Match ">$(($reports | Where-Object Password -eq 'Live3Room6T').Pv)<"
    }

    It 'names a 淘口令 cell that holds no 淘口令' {
        $bad = Join-Path $TestDrive 'bad.csv'
        "Channel,State,TaoPassword`n小红书,xhs_note,没有口令" | Set-Content $bad -Encoding utf8
        { $events | Measure-TaobaoChannel $bad } | Should -Throw '*没有口令*'
    }
}

Describe 'Customers written back to WeCom' {
    BeforeAll {
        Connect-WeCom -Emulator
    }

    It 'changes nothing with -WhatIf' {
        $customer = Get-WeComCustomer -State pyq_ad | Select-Object -First 1
        $customer | Set-WeComCustomer -Description 'special_id=42' -WhatIf
        (Get-WeComCustomer -State pyq_ad | Where-Object ExternalUserId -eq $customer.ExternalUserId).Description | Should -Be $customer.Description
    }

    It 'writes the special id the report reads back, and a too-long remark is an error naming that customer only' {
        $two = @(Get-WeComCustomer -State elevator | Select-Object -First 2)
        $two[0] | Set-WeComCustomer -Remark ('长' * 21) -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        "$($failed[0].TargetObject)" | Should -BeLike "$($two[0].ExternalUserId)*"
        $two | Set-WeComCustomer -Description 'special_id=1399000001' -Remark '电梯'
        $after = @(Get-WeComCustomer -State elevator | Where-Object ExternalUserId -in $two.ExternalUserId)
        $after.SpecialId | Should -Be @(1399000001, 1399000001)
        $after.Remark | Should -Be @('电梯', '电梯')
    }
}

Describe 'Snapshots without a server' {
    BeforeAll {
        $weCom = Connect-WeCom -Emulator -PassThru
        $state = Join-Path $TestDrive 'customers.json'
    }

    It 'reports every current follow as added the first time and only new ones after' {
        $first = @(Sync-WeComCustomer -StatePath $state)
        $first.Count | Should -Be @(Get-WeComCustomer -User sales01, sales02, sales03, sales04, sales05, sales06).Count
        @(Sync-WeComCustomer -StatePath $state).Count | Should -Be 0
        $way = Get-WeComContactWay | Where-Object State -eq 'xhs_note'
        $new = $weCom.Emulator.ScanContactWay($way.ConfigId, 2)
        $changes = @(Sync-WeComCustomer -StatePath $state)
        $changes.Change | Should -Be @('Added', 'Added')
        $changes.ExternalUserId | Should -Be @($new)
        @(Sync-WeComCustomer -StatePath $state -History).Count | Should -Be ($first.Count + 2)
    }
}
