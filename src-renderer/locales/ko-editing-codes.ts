import type { enEditingCodes } from './en-editing-codes';

/** 작업 편집 결과와 함께 오는 메시지 코드의 한국어 문구 (ko.ts에 `editingCodes`로 합쳐집니다). */
export const koEditingCodes: typeof enEditingCodes = {
  impactSkipDetail: '{detail}. {reason}',
  impact: {
    Create: '아직 연결되지 않음: 새로 만듭니다',
    CreateUnlessMatched:
      '아직 연결되지 않음: 새로 만듭니다. 단, {attribute} = “{value}”인 대상 개체가 있으면 그 개체에 연결하고 업데이트합니다',
    Update: 'Roster가 마지막으로 보낸 값과 다른 속성 {count}개: {attributes}',
    Enable: '다시 범위 안: 활성화하고 달라진 값을 보냅니다',
    Disable: '비활성화: {detail}',
    Delete: '대상에서 삭제: {detail}',
    Unchanged: '매핑된 모든 값이 Roster가 마지막으로 보낸 값과 같습니다',
    CaseOnlyDifference:
      '{attributes}의 값이 대소문자만 다릅니다. 대상이 대소문자를 구분하지 않고 비교하므로 아무것도 보내지 않습니다. 보내려면 대상 속성 목록에서 이 속성을 대소문자 구분(case-exact)으로 표시하세요.',
    MappingFails: '이 개체에서 매핑이 실패하므로 주기가 실패를 기록합니다: {detail}',
    MandatoryFieldsMissing:
      '대상에 {attributes} 값이 필요하지만 매핑이 값을 주지 않으므로 주기가 실패를 기록합니다',
    DuplicateSourceEntries: '다른 원본 개체와 일치 값이 같아 어느 쪽도 일치시키거나 만들지 않습니다',
    Scope: {
      notAssigned: '작업에 직접 또는 할당된 그룹을 통해 할당되지 않았습니다',
      filteredOut: '{detail}',
      disabledInSource: '원본에서 비활성화되었습니다',
      softDeletedInSource: '원본에서 일시 삭제되었습니다',
      inScope: '범위 안',
      mappingOff: '이 유형의 개체 매핑이 꺼져 있습니다',
    },
    Skip: {
      OutOfScope: '범위 밖이며 프로비저닝된 적이 없어 할 일이 없습니다',
      CreateDisabled: '이 개체 매핑에서 만들기가 꺼져 있습니다',
      UpdateDisabled: '속성이 다르지만 이 개체 매핑에서 업데이트가 꺼져 있습니다',
      DeleteDisabled: '범위 밖이지만 이 개체 매핑에서 삭제가 꺼져 있어 그대로 둡니다',
      SkipOutOfScopeDeletions: '범위 밖이지만 “범위 밖 삭제 건너뛰기”가 켜져 있어 그대로 둡니다',
      TargetCannotDisable:
        '범위 밖이지만 대상이 비활성화할 수 없고 작업이 비활성화로 설정되어 있어 그대로 둡니다',
      AlreadyDisabled: '범위 밖이며 대상에서 이미 비활성화되었습니다',
      NoSoftDeleteMapping: '범위 밖이지만 IsSoftDeleted를 읽는 매핑이 없어 Roster는 비활성화하지 않습니다',
      ImportSkipped: '일치 속성이 모두 비어 있어 안전하게 일치시킬 수 없으므로 건너뜁니다',
      DuplicateTargetEntries: '여러 대상 개체가 일치합니다. Roster는 직접 하나를 고르지 않습니다',
      Skipped: '그대로 둡니다',
    },
  },
  log: {
    CaseOnlyDifference:
      '{attributes}: 값이 대상의 값과 대소문자만 달라 아무것도 보내지 않았습니다. 대상이 대소문자를 구분하지 않고 비교합니다. 보내려면 대상 속성 목록에서 이 속성을 대소문자 구분(case-exact)으로 표시하세요.',
  },
};
