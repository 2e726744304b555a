#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }

# The promoter's small tools: 淘礼金 three-party links, CPA activity details, the pid check, member groups and
# 权益物料精选. Each: the happy path, a bad input named in its error, and the pipeline into the next cmdlet.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/TaobaoTop/TaobaoTop.psd1') -Force
    Connect-TaobaoTop -Emulator -Seed 42
}

Describe '淘礼金三方链接转换' {
    BeforeAll {
        $gift = Find-TbkItem -Keyword 耳机 -First 1 | New-TbkGiftMoney -Amount 5 -Count 100
    }

    It 'makes a partner''s 淘礼金 link one of my WeChat-group adzone' {
        $link = $gift | ConvertTo-TbkGiftMoneyLink -AdzoneId 3000002
        $link.RightsId | Should -Be $gift.RightsId
        $link.OriginUrl | Should -Be $gift.Url
        $link.Url | Should -Match 'pid=mm_1000001_2000001_3000002'
        $link.Url | Should -Not -Be $gift.Url
    }

    It 'names text that is not a link, and a link TOP refuses, and converts the rest' {
        $out = @('复制这段话', 'https://example.com/x', $gift.Url | ConvertTo-TbkGiftMoneyLink -ErrorVariable failures -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 1
        $failures.TargetObject | Should -Be @('复制这段话', 'https://example.com/x')
        $failures[0].Exception.Message | Should -Match '复制这段话'
        $failures[1].Exception.Message | Should -Match 'FAIL_CHECK_ORIGIN_URL'
    }

    It 'refuses a stopped 淘礼金' {
        $stopped = Find-TbkItem -Keyword 面膜 -First 1 | New-TbkGiftMoney -Amount 3 -Count 10
        $stopped | Stop-TbkGiftMoney -Confirm:$false
        $stopped | ConvertTo-TbkGiftMoneyLink -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].TargetObject | Should -Be $stopped.Url
    }

    It 'pipes into New-TbkPassword' {
        $password = $gift | ConvertTo-TbkGiftMoneyLink -AdzoneId 3000002 | New-TbkPassword
        ($password | Resolve-TbkPassword).Url | Should -Match 'taolijin'
    }
}

Describe 'CPA活动执行明细' {
    It 'pages through every row of an activity, estimated and settled' {
        $rows = @(Get-TbkCpaActivityDetail 30001 -PageSize 10)
        $rows.Count | Should -Be 37
        ($rows.Id | Sort-Object -Unique).Count | Should -Be 37
        @($rows | Where-Object Kind -eq Settled).Count | Should -Be 13
        @(Get-TbkCpaActivityDetail 30001 -Kind Settled).Count | Should -Be 13
        $rows[0].Fields['relation_id'] | Should -Be "$($rows[0].RelationId)"
        $rows[0].Reward | Should -BeGreaterThan 0
    }

    It 'names an activity the promoter is not in, and goes on with the next' {
        $out = @('999', '30002' | Get-TbkCpaActivityDetail -ErrorVariable failures -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 8
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be '999'
        $failures[0].Exception.Message | Should -Match '999'
    }

    It 'pipes its channels into Get-TbkRelationReport' {
        $rows = Get-TbkCpaActivityDetail 30002 -First 2
        $reports = @($rows | Get-TbkRelationReport)
        $reports.RelationId | Should -Be $rows.RelationId
    }
}

Describe 'pid校验' {
    It 'asks TOP''s pid check, and only for well-formed PIDs' {
        $before = (Get-TaobaoTopContext).Calls
        $results = 'mm_1000001_2000001_3000001', 'mm_1000001_2000001_9999999', 'mm_1_2' | Test-TbkPid -Online
        $results.IsValid | Should -Be @($true, $false, $false)
        $results[1].Reason | Should -Match 'tbkinfo'
        $results[2].Reason | Should -Match 'mm_1_2'
        (Get-TaobaoTopContext).Calls | Should -Be ($before + 2)
    }

    It 'pipes the adzones just created into the check' {
        $adzone = New-TbkAdzone -Name 校验推广位
        ($adzone | Test-TbkPid -Online).IsValid | Should -BeTrue
    }
}

Describe 'member组' {
    It 'creates a group of the piped ids, leaving out and naming the bad one, and reads it back' {
        $group = '2201234567901', 'x1', '2201234567902', '2201234567901' | New-TbkMemberGroup -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be 'x1'
        $group.MemberIds | Should -Be @('2201234567901', '2201234567902')
        ($group | Get-TbkMemberGroup).MemberIds | Should -Be $group.MemberIds
    }

    It 'creates nothing under -WhatIf' {
        $before = (Get-TaobaoTopContext).Calls
        '2201234567999' | New-TbkMemberGroup -WhatIf | Should -BeNullOrEmpty
        (Get-TaobaoTopContext).Calls | Should -Be $before
    }

    It 'names a group TOP does not know, and reads the next' {
        $out = @(42, 5000001 | Get-TbkMemberGroup -ErrorVariable failures -ErrorAction SilentlyContinue)
        $out.MemberGroupId | Should -Be 5000001
        $failures[0].TargetObject | Should -Be 42
    }
}

Describe '权益物料精选' {
    It 'pages ten at a time, coupons in yuan with their shop and items' {
        $promotions = @(Find-TbkPromotion 31001 -First 25)
        $promotions.Count | Should -Be 25
        ($promotions.ItemId | Sort-Object -Unique).Count | Should -Be 25
        $promotions | ForEach-Object { $_.Discount | Should -BeGreaterThan 0; $_.Threshold | Should -Be 0 }
        $promotions[0].ShopTitle | Should -Not -BeNullOrEmpty
        $promotions[0].UseEndTime.Offset | Should -Be ([timespan]::FromHours(8))
    }

    It 'names a material id TOP does not know' {
        Find-TbkPromotion 1 -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].TargetObject | Should -Be 1
        $failures[0].Exception.Message | Should -Match 'promotion_id'
    }

    It 'pipes into Get-TbkItem, which gives the item objects Find-TbkItem gives' {
        $promotions = Find-TbkPromotion 31002 -First 3
        $items = @($promotions | Get-TbkItem)
        $items.ItemId | Should -Be ($promotions | ForEach-Object { $_.ItemId })
        $items[0].GetType().FullName | Should -Be (Find-TbkItem -Keyword 手机 -First 1).GetType().FullName
    }
}
